// The monthly report card, printable (#/reports/{campId}/{month}; #/reports/{month} every camp): one A4 sheet
// per camp with a header (camp, month, population), the month's litres per person as bars, the indicators of the
// UNHCR WASH Report Card with met / not met against each standard, the alerts raised and how fast they were
// answered. The browser's "Save as PDF" makes the file. A figure that cannot be computed says why, never 0.

import * as api from '../api.js';
import { createCoverageChart } from '../components/coverage-chart.js';
import { longDate, monthName } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { number, percent } from '../format.js';
import { has, isolate, locale, t } from '../i18n.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';

// The server's reasons for a figure it could not compute, worded in the page's language (the server keeps the
// English reason in the JSON and the CSV); a reason not listed here shows as the server gave it.
const REASONS = {
  'no taps registered': 'reportPage.why.noTaps',
  'latrines not counted': 'reportPage.why.noLatrines',
  'no usable tap': 'reportPage.why.noUsableTap',
  'no usable latrine': 'reportPage.why.noUsableLatrine',
  'no population': 'reportPage.why.noPopulation',
  'no day with taps and a population': 'reportPage.why.noDayWithTaps',
  'no water quality test this month': 'reportPage.why.noTests',
  'no test of this figure this month': 'reportPage.why.noTestOfFigure',
  'no trucking voucher this month': 'reportPage.why.noVouchers',
  'no alert of the month was acknowledged': 'reportPage.why.noneAcknowledged',
  'no alert of the month was resolved': 'reportPage.why.noneResolved',
  'the camp has no tanks': 'reportPage.why.noTanks',
};

function reason(text) {
  if (text in REASONS) return t(REASONS[text]);
  const day = /^no usable tap on (\d{4}-\d{2}-\d{2})$/.exec(text);
  if (day) return t('reportPage.why.noUsableTapOn', { date: longDate(day[1]) });
  if (text.startsWith('no day of the month is judged')) return t('reportPage.why.noDayJudged', { share: percent(90) });
  return text;
}

const kinds = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });

// The note beside a row's label: why its figure is missing, else what it is out of, from the report's own figures.
function noteOf(row, report) {
  const why = report.unavailable?.[row.key] ?? (row.key.endsWith('P90Minutes') ? report.unavailable?.[row.key.replace('P90', '')] : undefined);
  if (why) return reason(why);
  switch (row.key) {
    case 'lpdMean': return t('reportPage.note.judgedOf', { judged: number(report.daysJudged), days: number(report.days) });
    case 'daysJudged': return t('reportPage.note.of', { days: number(report.days) });
    case 'alerts.mttaMinutes': return t('reportPage.note.acknowledged', { n: number(report.alerts.acknowledged) });
    case 'alerts.mttrMinutes': return t('reportPage.note.resolved', { n: number(report.alerts.resolved) });
    case 'alerts.raised':
      return kinds.format(Object.entries(report.alerts.byKind ?? {}).map(([kind, n]) => `${has(`alert.kind.${kind}`) ? t(`alert.kind.${kind}`) : kind} ${number(n)}`)) || null;
    default: return row.note ? reason(row.note) : null;
  }
}

// The units the server names, in words; a count of days is a plural.
const UNITS = { 'l/p/d': 'reportPage.unit.lpd', min: 'reportPage.unit.min', L: 'reportPage.unit.litres', 'people/tap': 'reportPage.unit.perTap', 'people/latrine': 'reportPage.unit.perLatrine' };
const BARE = new Set(['%', 'share', 'people', 'tests', 'vouchers', 'alerts']);

// The alert rows shown under the alerts heading rather than in the indicator table.
const ALERT_KEYS = new Set(['alerts.raised', 'alerts.mttaMinutes', 'alerts.mttaP90Minutes', 'alerts.mttrMinutes', 'alerts.mttrP90Minutes']);

// When the sheet was made, in UTC as the footer says.
const madeAt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

const makePage = template(`
<section class="page report-page" aria-labelledby="page-title">
  <div class="report-toolbar">
    <nav class="crumbs" aria-label="Breadcrumb"><a data-slot="back"></a></nav>
    <h1 id="page-title" tabindex="-1" data-slot="title"></h1>
    <button type="button" class="button" data-slot="print"></button>
    <a class="button button-quiet" data-slot="csv" download hidden></a>
  </div>
  <div data-slot="message"></div>
  <div data-slot="sheets"></div>
</section>`);

const makeSheet = template(`
<article class="report-sheet">
  <header class="report-head">
    <h2 data-slot="camp"></h2>
    <p class="report-month" data-slot="month"></p>
    <p class="muted" data-slot="meta"></p>
    <p class="report-progress" data-slot="progress" hidden></p>
  </header>
  <section class="report-chart">
    <h3 data-slot="chartTitle"></h3>
    <div data-slot="chart"></div>
  </section>
  <section>
    <h3 data-slot="tableTitle"></h3>
    <table class="table report-table">
      <thead><tr><th scope="col" data-slot="hIndicator"></th><th scope="col" class="n" data-slot="hValue"></th><th scope="col" data-slot="hStandard"></th><th scope="col" data-slot="hVerdict"></th></tr></thead>
      <tbody data-slot="rows"></tbody>
    </table>
  </section>
  <section class="report-alerts">
    <h3 data-slot="alertsTitle"></h3>
    <p data-slot="byKind"></p>
    <table class="table report-table"><tbody data-slot="alertRows"></tbody></table>
  </section>
  <footer class="muted small" data-slot="made"></footer>
</article>`);

function figure(row) {
  if (row.value == null) return t('reportPage.noFigure');
  const digits = row.unit === 'share' ? 2 : Number.isInteger(row.value) ? 0 : 1;
  const n = number(row.value, digits);
  if (row.unit === 'days') return t('reportPage.unit.days', { count: row.value, n });
  if (row.unit === '%') return t('fmt.percent', { n });
  if (BARE.has(row.unit)) return n;
  return UNITS[row.unit] ? t(UNITS[row.unit], { n }) : `${n} ${row.unit}`;
}

function rowOf(row, report) {
  const tr = document.createElement('tr');
  tr.dataset.key = row.key;
  const label = document.createElement('th');
  label.scope = 'row';
  const key = `reportPage.label.${row.key}`;
  label.textContent = has(key) ? t(key, { target: number(report.targetLpd, 1), min: number(15), share: percent(90) }) : row.label;
  const text = noteOf(row, report);
  if (text) {
    const note = document.createElement('span');
    note.className = 'report-note muted';
    note.textContent = ` (${text})`;
    label.append(note);
  }
  const value = document.createElement('td');
  value.className = `n num${row.value == null ? ' no-data' : ''}`;
  value.textContent = figure(row);
  const standard = document.createElement('td');
  // "≥ 95", "≤ 250": the figures in the page's digits, and a share of tests as a percentage.
  const bound = (row.standard ?? '').replace(/\d+(\.\d+)?/g, (n) => number(Number(n), 2));
  standard.textContent = row.standard && row.unit === '%' ? bound.replace(/[\d\u0660-\u0669.,٫٬]+$/, (n) => t('fmt.percent', { n })) : bound;
  const verdict = document.createElement('td');
  if (row.met != null) {
    verdict.className = `verdict ${row.met ? 'verdict-met' : 'verdict-short'}`;
    verdict.textContent = row.met ? `✓ ${t('reportPage.met')}` : `✗ ${t('reportPage.notMet')}`;
  }
  tr.append(label, value, standard, verdict);
  return tr;
}

function sheetOf(report, charts) {
  const sheet = makeSheet();
  const s = slots(sheet);
  sheet.dataset.camp = report.campId;
  setText(s.camp, report.name || report.campId);
  setText(s.month, monthName(report.month));
  setText(s.meta, `${t('reportPage.population', { n: number(report.population) })} · ${t('reportPage.zone', { zone: isolate(report.timeZone) })}`);
  if (report.inProgress) {
    setText(s.progress, t('reportPage.inProgress', { date: longDate(report.lastDate) }));
    setAttr(s.progress, 'hidden', false);
  }
  for (const [slot, key] of [['chartTitle', 'chartTitle'], ['tableTitle', 'tableTitle'], ['hIndicator', 'indicator'], ['hValue', 'value'], ['hStandard', 'standard'], ['hVerdict', 'verdict'], ['alertsTitle', 'alertsTitle']]) {
    setText(s[slot], t(`reportPage.${key}`));
  }
  const chart = createCoverageChart({ height: 170 });
  s.chart.append(chart.el);
  charts.push(chart);
  chart.draw(report.daily.map((d) => ({ ...d, targetLpd: report.targetLpd })));
  s.rows.replaceChildren(...report.indicators.filter((r) => !ALERT_KEYS.has(r.key)).map((r) => rowOf(r, report)));
  // The kinds raised are the note of the "Alerts raised" row; a month without any says so in words.
  setText(s.byKind, report.alerts.raised ? '' : t('reportPage.noAlerts'));
  setAttr(s.byKind, 'hidden', report.alerts.raised > 0);
  s.alertRows.replaceChildren(...report.indicators.filter((r) => ALERT_KEYS.has(r.key)).map((r) => rowOf(r, report)));
  setText(s.made, t('reportPage.made', { at: madeAt.format(new Date()) }));
  return sheet;
}

export function mount(root, { campId, month }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const all = !campId;
  const title = t(all ? 'reportPage.titleAll' : 'reportPage.title');
  setText(s.title, `${title} · ${monthName(month)}`);
  app.setTitle(`${title} · ${month}`);
  setText(s.back, t('reportPage.back'));
  setAttr(s.back, 'href', all ? '#/coverage' : `#/coverage/${encodeURIComponent(campId)}`);
  setText(s.print, t('reportPage.print'));
  s.print.addEventListener('click', () => window.print());
  setText(s.csv, t('reportPage.csv'));
  const message = pageMessage(s.message);
  const controller = new AbortController();
  const charts = [];

  (async () => {
    message.loading(t('reportPage.loading'));
    try {
      const reports = all ? await api.getReports(month, { signal: controller.signal }) : [await api.getReport(campId, month, { signal: controller.signal })];
      s.sheets.replaceChildren(...reports.map((r) => sheetOf(r, charts)));
      if (!all && reports[0]) app.setTitle(`${title} · ${reports[0].name} · ${month}`);
      setAttr(s.csv, 'href', all ? api.reportsCsvUrl(month) : api.reportCsvUrl(campId, month));
      setAttr(s.csv, 'hidden', false);
      message.clear();
      page.dataset.ready = 'true';
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err.notFound) message.info(t('reportPage.noCamp', { id: campId }));
      else if (err.status === 400) message.info(t('reportPage.badMonth'), Object.values(err.fields).flat().join(' '));
      else if (err.status === 403 || !can('export')) message.info(t('reportPage.onlyManagers'));
      else message.error(t('reportPage.failed'), err, () => location.reload());
    }
  })();

  return {
    unmount() {
      controller.abort();
      charts.forEach((c) => c.dispose());
    },
  };
}
