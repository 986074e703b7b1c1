// The monthly report card, printable (#/reports/{campId}/{month}; #/reports/{month} every camp): one A4 sheet
// per camp with a header (camp, month, population), the month's litres per person as bars, the indicators of the
// UNHCR WASH Report Card with met / not met against each standard, the alerts raised and how fast they were
// answered. The browser's "Save as PDF" makes the file. A figure that cannot be computed says why, never 0.

import * as api from '../api.js';
import { createCoverageChart } from '../components/coverage-chart.js';
import { longDate, monthName } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { number } from '../format.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';

// Every English word of this page.
const TEXT = {
  title: 'Monthly report',
  titleAll: 'Monthly reports, all camps',
  print: 'Print or save as PDF',
  csv: 'Download CSV',
  back: 'Coverage',
  loading: 'Loading the report…',
  failed: 'The report could not be loaded.',
  noCamp: (id) => `There is no camp with the id “${id}”.`,
  badMonth: 'The month is written YYYY-MM, such as 2026-11.',
  onlyManagers: 'Monthly reports are for managers and admins.',
  population: (n) => `population ${n} at the month’s end`,
  zone: (z) => `dates in ${z}`,
  inProgress: (date) => `Month in progress: figures up to ${date}`,
  chartTitle: 'Litres per person per day',
  tableTitle: 'Indicators',
  indicator: 'Indicator',
  value: 'Figure',
  standard: 'Standard',
  verdict: 'Result',
  day: 'day',
  met: 'met',
  notMet: 'not met',
  noFigure: 'not computed',
  alertsTitle: 'Alerts and response times',
  noAlerts: 'No alert was raised this month.',
  made: (at) => `Made ${at} by CampWater from the sensors and field entries.`,
  units: { 'l/p/d': 'l/p/d', '%': '%', min: 'min', L: 'L', share: '', days: 'days', people: '', 'people/tap': 'per tap', 'people/latrine': 'per latrine', tests: '', vouchers: '', alerts: '' },
  labels: {
    population: 'Population at the month’s end',
    lpdMean: 'Water per person per day (mean of judged days)',
    daysBelow15: 'Judged days below 15 l/p/d',
    daysBelowTarget: 'Judged days below the target',
    daysJudged: 'Days judged (readings over ≥ 90% of the day)',
    completenessMean: 'Readings’ completeness (mean of all days)',
    peoplePerUsableTap: 'People per usable tap (month’s end)',
    peoplePerUsableTapWorst: 'People per usable tap (worst day)',
    frcCompliancePct: 'Tests with free residual chlorine in range',
    turbidityCompliancePct: 'Tests with turbidity in range',
    ecoliCompliancePct: 'Tests with no E. coli',
    qualityTests: 'Water quality tests',
    peoplePerUsableLatrine: 'People per usable latrine (month’s end)',
    'deliveries.vouchers': 'Trucking vouchers',
    'deliveries.billedL': 'Litres billed',
    'deliveries.verifiedL': 'Litres verified by the sensors',
    'deliveries.verifiedPct': 'Share of billed litres verified',
    'alerts.raised': 'Alerts raised',
    'alerts.mttaMinutes': 'Time to acknowledge, median',
    'alerts.mttaP90Minutes': 'Time to acknowledge, 90th percentile',
    'alerts.mttrMinutes': 'Time to resolve, median',
    'alerts.mttrP90Minutes': 'Time to resolve, 90th percentile',
    sensorUptimePct: 'Sensor uptime (time covered by readings)',
  },
};

// The alert rows shown under the alerts heading rather than in the indicator table.
const ALERT_KEYS = new Set(['alerts.raised', 'alerts.mttaMinutes', 'alerts.mttaP90Minutes', 'alerts.mttrMinutes', 'alerts.mttrP90Minutes']);

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
  if (row.value == null) return TEXT.noFigure;
  const digits = row.unit === 'share' ? 2 : Number.isInteger(row.value) ? 0 : 1;
  const unit = row.unit === 'days' && row.value === 1 ? TEXT.day : TEXT.units[row.unit] ?? row.unit;
  return unit ? `${number(row.value, digits)} ${unit}` : number(row.value, digits);
}

function rowOf(row) {
  const tr = document.createElement('tr');
  tr.dataset.key = row.key;
  const label = document.createElement('th');
  label.scope = 'row';
  label.textContent = TEXT.labels[row.key] ?? row.label;
  if (row.note) {
    const note = document.createElement('span');
    note.className = 'report-note muted';
    note.textContent = ` (${row.note})`;
    label.append(note);
  }
  const value = document.createElement('td');
  value.className = `n num${row.value == null ? ' no-data' : ''}`;
  value.textContent = figure(row);
  const standard = document.createElement('td');
  standard.textContent = row.standard ?? '';
  const verdict = document.createElement('td');
  if (row.met != null) {
    verdict.className = `verdict ${row.met ? 'verdict-met' : 'verdict-short'}`;
    verdict.textContent = row.met ? `✓ ${TEXT.met}` : `✗ ${TEXT.notMet}`;
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
  setText(s.meta, `${TEXT.population(number(report.population))} · ${TEXT.zone(report.timeZone)}`);
  if (report.inProgress) {
    setText(s.progress, TEXT.inProgress(longDate(report.lastDate)));
    setAttr(s.progress, 'hidden', false);
  }
  for (const [slot, key] of [['chartTitle', 'chartTitle'], ['tableTitle', 'tableTitle'], ['hIndicator', 'indicator'], ['hValue', 'value'], ['hStandard', 'standard'], ['hVerdict', 'verdict'], ['alertsTitle', 'alertsTitle']]) {
    setText(s[slot], TEXT[key]);
  }
  const chart = createCoverageChart({ height: 170 });
  s.chart.append(chart.el);
  charts.push(chart);
  chart.draw(report.daily.map((d) => ({ ...d, targetLpd: report.targetLpd })));
  s.rows.replaceChildren(...report.indicators.filter((r) => !ALERT_KEYS.has(r.key)).map(rowOf));
  // The kinds raised are the note of the "Alerts raised" row; a month without any says so in words.
  setText(s.byKind, report.alerts.raised ? '' : TEXT.noAlerts);
  setAttr(s.byKind, 'hidden', report.alerts.raised > 0);
  s.alertRows.replaceChildren(...report.indicators.filter((r) => ALERT_KEYS.has(r.key)).map(rowOf));
  setText(s.made, TEXT.made(new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'));
  return sheet;
}

export function mount(root, { campId, month }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const all = !campId;
  const title = all ? TEXT.titleAll : TEXT.title;
  setText(s.title, `${title} · ${monthName(month)}`);
  app.setTitle(`${title} · ${month}`);
  setText(s.back, TEXT.back);
  setAttr(s.back, 'href', all ? '#/coverage' : `#/coverage/${encodeURIComponent(campId)}`);
  setText(s.print, TEXT.print);
  s.print.addEventListener('click', () => window.print());
  setText(s.csv, TEXT.csv);
  const message = pageMessage(s.message);
  const controller = new AbortController();
  const charts = [];

  (async () => {
    message.loading(TEXT.loading);
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
      if (err.notFound) message.info(TEXT.noCamp(campId));
      else if (err.status === 400) message.info(TEXT.badMonth, Object.values(err.fields).flat().join(' '));
      else if (err.status === 403 || !can('export')) message.info(TEXT.onlyManagers);
      else message.error(TEXT.failed, err, () => location.reload());
    }
  })();

  return {
    unmount() {
      controller.abort();
      charts.forEach((c) => c.dispose());
    },
  };
}
