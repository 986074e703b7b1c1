// One camp's water coverage over a date range (#/coverage/{campId}): daily litres per person as bars
// against the camp's target and the 15 l/p/d minimum, how complete each day's readings are, the same
// as a table, and the CSV download for those allowed to export. A day with no readings says "no data",
// never 0; a day with too few readings shows its figure but no verdict. On a phone the table scrolls
// sideways with its date column kept in view.

import * as api from '../api.js';
import { createCoverageChart, COMPLETE, dayClass, isJudged, MINIMUM_LPD } from '../components/coverage-chart.js';
import { addDays, daysBetween, isIsoDate, longDate, shortDate, shortDayDate } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { litres, lpd, number, people, percent } from '../format.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';

const TEXT_POPULATION = {
  // "population 6,000 from 20 Nov": the figure each day from then on is judged by.
  from: (n, date) => t('population.from', { n, date }),
};

const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="campCoverage.breadcrumb"><a href="#/coverage" data-i18n="campCoverage.coverageAllCamps"></a></nav>
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title" data-i18n="campCoverage.coverage"></h1>
    <p class="muted" data-slot="meta"></p>
  </header>
  <form class="range-form" data-slot="form">
    <div class="form-field"><label for="cov-from" data-i18n="campCoverage.from"></label><input type="date" id="cov-from" name="from" required data-slot="from"></div>
    <div class="form-field"><label for="cov-to" data-i18n="campCoverage.to"></label><input type="date" id="cov-to" name="to" required data-slot="to"></div>
    <button type="submit" class="button" data-i18n="campCoverage.show"></button>
    <a class="button button-quiet" data-slot="csv" download hidden data-i18n="campCoverage.downloadCsv"></a>
  </form>
  <p class="field-error" role="alert" data-slot="rangeError" hidden></p>
  <div data-slot="message"></div>
  <div data-slot="body" hidden>
    <section class="card" aria-labelledby="cov-chart-title">
      <h2 id="cov-chart-title" class="visually-hidden" data-i18n="campCoverage.litresPerPersonPer"></h2>
      <p class="cov-figures" data-slot="figures"></p>
      <div data-slot="chart"></div>
      <ul class="legend" data-i18n-aria-label="campCoverage.legend">
        <li><span class="swatch bar-met" aria-hidden="true"></span> <span data-i18n="campCoverage.legend.met"></span></li>
        <li><span class="swatch bar-below" aria-hidden="true"></span> <span data-i18n="campCoverage.legend.below"></span></li>
        <li><span class="swatch bar-short" aria-hidden="true"></span> <span data-i18n="campCoverage.legend.short"></span></li>
        <li><span class="swatch swatch-hatch" aria-hidden="true"></span> <span data-i18n="campCoverage.legend.partial"></span></li>
        <li><span class="swatch swatch-none" aria-hidden="true"></span> <span data-i18n="campCoverage.legend.none"></span></li>
      </ul>
    </section>
    <section class="card table-card" aria-labelledby="cov-table-title">
      <h2 id="cov-table-title" data-i18n="campCoverage.dayByDay"></h2>
      <p class="muted small table-hint" data-i18n="campCoverage.swipeTheTableSideways"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cov-table-title">
        <table class="table table-first-fixed">
          <thead><tr>
            <th scope="col" data-i18n="campCoverage.date"></th><th scope="col" class="n" data-i18n="campCoverage.perPerson"></th><th scope="col" data-i18n="campCoverage.target"></th>
            <th scope="col" class="n" data-i18n="campCoverage.drawn"></th><th scope="col" class="n" data-i18n="campCoverage.delivered"></th><th scope="col" class="n" data-i18n="campCoverage.people"></th><th scope="col" class="n" data-i18n="campCoverage.data"></th>
          </tr></thead>
          <tbody data-slot="rows"></tbody>
        </table>
      </div>
    </section>
  </div>
</section>`);

const NO_DATA = t('campCoverage.noData');

const VERDICT = {
  met: { icon: '✓', text: t('campCoverage.verdict.met') },
  below: { icon: '▼', text: t('campCoverage.verdict.below') },
  short: { icon: '!', text: t('campCoverage.verdict.short') },
  partial: { icon: '?', text: t('figures.tooFew') },
  none: { icon: '–', text: NO_DATA },
};

const PHONE = window.matchMedia('(max-width: 40rem)');

function readRange() {
  const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return { from: q.get('from'), to: q.get('to') };
}

export function mount(root, { campId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(t('campCoverage.title', { camp: campId }));
  setText(s.title, t('campCoverage.title', { camp: campId }));
  const message = pageMessage(s.message);
  const chart = createCoverageChart();
  s.chart.append(chart.el);
  const controller = new AbortController();
  let camp = null;

  function validRange(from, to) {
    if (!isIsoDate(from) || !isIsoDate(to)) return t('campCoverage.bothDates');
    if (from > to) return '“From” must not be after “To”.';
    if (daysBetween(from, to) + 1 > MAX_DAYS) return t('campCoverage.atMost', { n: number(MAX_DAYS) });
    return null;
  }

  async function show(from, to) {
    const problem = validRange(from, to);
    setText(s.rangeError, problem ?? '');
    setAttr(s.rangeError, 'hidden', !problem);
    setAttr(s.from, 'aria-invalid', problem ? 'true' : null);
    if (problem) return;
    message.loading(t('campCoverage.loading'));
    try {
      const days = await api.getCoverage(campId, from, to, { signal: controller.signal });
      chart.draw(days);
      const judged = days.filter(isJudged);
      const mean = judged.length ? judged.reduce((a, d) => a + d.lpd, 0) / judged.length : null;
      const met = days.filter((d) => dayClass(d) === 'met').length;
      const short = days.filter((d) => dayClass(d) === 'short').length;
      setText(s.figures, judged.length
        ? t('campCoverage.summary', { mean: lpd(mean), n: number(judged.length), met: number(met), minimum: lpd(MINIMUM_LPD), short: number(short), partial: number(days.length - judged.length) })
        : t('campCoverage.noneJudged', { n: number(days.length) }));
      s.rows.replaceChildren(...[...days].reverse().map((d) => {
        const tr = document.createElement('tr');
        const cls = dayClass(d);
        tr.dataset.verdict = cls;
        // No readings at all: the litres are unknown, not 0.
        const read = cls !== 'none' || d.completeness > 0 || d.drawnL > 0 || d.deliveredL > 0;
        const cells = [
          PHONE.matches ? shortDayDate(d.date) : longDate(d.date),
          d.lpd == null ? NO_DATA : lpd(d.lpd),
          null,
          read ? litres(d.drawnL) : NO_DATA,
          read ? litres(d.deliveredL) : NO_DATA,
          number(d.population),
          percent(Math.round(d.completeness * 100)),
        ];
        cells.forEach((text, i) => {
          const td = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) td.scope = 'row';
          if (i === 2) {
            const v = VERDICT[cls];
            const span = document.createElement('span');
            span.className = `verdict verdict-${cls}`;
            span.innerHTML = '<span aria-hidden="true"></span> ';
            span.firstChild.textContent = v.icon;
            span.append(cls === 'partial' || cls === 'none' ? v.text : t('campCoverage.verdictTarget', { verdict: v.text, target: number(d.targetLpd) }));
            td.append(span);
          } else {
            td.textContent = text;
          }
          if ([1, 3, 4, 5, 6].includes(i)) td.className = 'n num';
          if (text === NO_DATA) td.classList.add('no-data');
          if (i === 6 && d.completeness < COMPLETE) td.dataset.warn = 'true';
          tr.append(td);
        });
        return tr;
      }));
      if (can('export')) {
        setAttr(s.csv, 'href', api.coverageCsvUrl(campId, from, to));
        setAttr(s.csv, 'hidden', false);
      }
      setAttr(s.body, 'hidden', false);
      message.clear();
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err.status === 400 && err.fields) {
        setText(s.rangeError, Object.values(err.fields).flat().join(' '));
        setAttr(s.rangeError, 'hidden', false);
        message.clear();
        return;
      }
      message.error(t('coverage.loadFailed'), err, () => show(from, to));
    }
  }

  s.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = s.from.value;
    const to = s.to.value;
    history.replaceState(null, '', `#/coverage/${encodeURIComponent(campId)}?from=${from}&to=${to}`);
    show(from, to);
  });

  (async () => {
    message.loading(t('camp.loading'));
    try {
      camp = await api.getCamp(campId, { signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err.notFound) {
        setText(s.title, t('camp.notFound'));
        message.info(t('camp.notFound.text', { id: campId }));
        return;
      }
      message.error(t('camp.loadFailed'), err, () => location.reload());
      return;
    }
    const name = camp.name || campId;
    setText(s.title, t('campCoverage.title', { camp: name }));
    app.setTitle(t('campCoverage.title', { camp: name }));
    const who = camp.populationFrom ? TEXT_POPULATION.from(number(camp.population), shortDate(camp.populationFrom)) : people(camp.population);
    setText(s.meta, [who, t('camp.target', { target: lpd(camp.targetLpd) }), t('page.datesIn', { zone: camp.timeZone })].join(' · '));
    const today = camp.today?.date;
    const asked = readRange();
    const to = isIsoDate(asked.to) ? asked.to : today;
    const from = isIsoDate(asked.from) ? asked.from : addDays(to, -(DEFAULT_DAYS - 1));
    s.from.value = from;
    s.to.value = to;
    s.to.max = today;
    show(from, to);
  })();

  return {
    unmount() {
      controller.abort();
      chart.dispose();
    },
  };
}
