// Coverage for managers (#/coverage): every camp side by side over the last 30 days (by default) or a
// calendar month, those below their target first, each with its days as small bars dated at both ends;
// a camp's name opens its own coverage page. The last 30 days end on each camp's own today.

import * as api from '../api.js';
import { createCoverageChart, MINIMUM_LPD, dayClass, isJudged } from '../components/coverage-chart.js';
import { addDays, monthName, monthRange, shortDate } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { counted, days as dayCount, lpd, number, people } from '../format.js';
import { pageMessage } from './page-message.js';

const TEXT = {
  // "population 6,000 from 20 Nov": the figure each camp's days are judged by from then on.
  population: (n) => t('population.now', { n }),
  populationFrom: (n, date) => t('population.from', { n, date }),
};

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-i18n="coverage.coverage"></h1>
    <p class="muted" data-slot="meta" data-i18n="coverage.litresPerPersonPer"></p>
  </header>
  <form class="range-form" data-slot="form">
    <div class="form-field"><label for="cov-period" data-i18n="coverage.period"></label><select id="cov-period" data-slot="period"></select></div>
    <button type="submit" class="button" data-i18n="coverage.show"></button>
  </form>
  <div data-slot="message"></div>
  <ol class="camp-coverage-list" data-i18n-aria-label="coverage.campsThoseBelowTarget" data-slot="list"></ol>
</section>`);

const makeRow = template(`
<li class="card cov-camp">
  <div class="cov-camp-head">
    <h2 class="card-title"><a data-slot="link"></a></h2>
    <p class="verdict" data-slot="verdict"><span aria-hidden="true"></span> <span></span></p>
  </div>
  <p class="muted small num" data-slot="population"></p>
  <dl class="facts cov-facts">
    <div><dt data-i18n="coverage.average"></dt><dd class="num" data-slot="mean"></dd></div>
    <div><dt data-i18n="coverage.target"></dt><dd class="num" data-slot="target"></dd></div>
    <div><dt data-i18n="coverage.daysMet"></dt><dd class="num" data-slot="met"></dd></div>
    <div><dt data-i18n="coverage.under15LP"></dt><dd class="num" data-slot="short"></dd></div>
    <div><dt data-i18n="coverage.daysJudged"></dt><dd class="num" data-slot="complete"></dd></div>
  </dl>
  <div data-slot="chart"></div>
</li>`);

const LAST_30 = 'last-30';
const LAST_DAYS = 30;
const MONTHS_OFFERED = 12;

/** The period asked for in the address (#/coverage?period=2026-11), else the last 30 days. */
function readPeriod() {
  const asked = new URLSearchParams(location.hash.split('?')[1] ?? '').get('period');
  return /^\d{4}-\d{2}$/.test(asked ?? '') ? asked : LAST_30;
}

/** The camp-local dates of a period for one camp: the last 30 days end on the camp's own today. */
function rangeOf(period, camp) {
  const today = camp.today?.date;
  if (period === LAST_30) return today ? [addDays(today, -(LAST_DAYS - 1)), today] : null;
  const [first, last] = monthRange(period);
  const to = today && last > today ? today : last;
  return first > to ? null : [first, to];
}

const describePeriod = (period) => (period === LAST_30 ? t('coverage.lastDays', { n: number(LAST_DAYS) }) : monthName(period));

export function mount(root, _params, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(t('nav.coverage'));
  const message = pageMessage(s.message);
  const controller = new AbortController();
  const charts = [];
  let camps = [];

  async function show(period) {
    message.loading(t('coverage.loading', { period: describePeriod(period) }));
    for (const c of charts.splice(0)) c.dispose();
    try {
      camps = camps.length ? camps : await api.getCamps({ signal: controller.signal });
      const results = await Promise.all(camps.map(async (camp) => {
        const range = rangeOf(period, camp);
        const days = range ? await api.getCoverage(camp.campId, range[0], range[1], { signal: controller.signal }) : [];
        const judged = days.filter(isJudged);
        const mean = judged.length ? judged.reduce((a, d) => a + d.lpd, 0) / judged.length : null;
        return { camp, days, judged, mean, from: range?.[0], to: range?.[1] };
      }));
      // Below target first (worst first), then the rest; camps with no complete day at the end.
      results.sort((a, b) => {
        const gap = (r) => (r.mean == null ? Infinity : r.mean - r.camp.targetLpd);
        const ga = gap(a);
        const gb = gap(b);
        return (ga < 0) !== (gb < 0) ? (ga < 0 ? -1 : 1) : ga - gb;
      });
      s.list.replaceChildren(...results.map((r) => {
        const el = makeRow();
        const x = slots(el);
        setText(x.link, r.camp.name || r.camp.campId);
        setText(x.population, r.camp.populationFrom
          ? TEXT.populationFrom(number(r.camp.population), shortDate(r.camp.populationFrom))
          : TEXT.population(number(r.camp.population)));
        setAttr(x.link, 'href', `#/coverage/${encodeURIComponent(r.camp.campId)}?from=${r.from}&to=${r.to}`);
        const below = r.mean != null && r.mean < r.camp.targetLpd;
        const short = r.mean != null && r.mean < MINIMUM_LPD;
        const cls = r.mean == null ? 'none' : short ? 'short' : below ? 'below' : 'met';
        el.dataset.verdict = cls;
        x.verdict.className = `verdict verdict-${cls}`;
        setText(x.verdict.firstElementChild, { none: '?', short: '!', below: '▼', met: '✓' }[cls]);
        setText(x.verdict.lastElementChild, t(`coverage.verdict.${cls}`));
        setText(x.mean, lpd(r.mean));
        setText(x.target, lpd(r.camp.targetLpd));
        setText(x.met, t('coverage.nOf', { n: number(r.days.filter((d) => dayClass(d) === 'met').length), of: number(r.judged.length) }));
        setText(x.short, dayCount(r.days.filter((d) => dayClass(d) === 'short').length));
        setText(x.complete, t('coverage.nOfDays', { count: r.days.length, n: number(r.judged.length), of: number(r.days.length) }));
        setAttr(x.complete, 'title', r.from ? t('coverage.judgedTitle', { from: shortDate(r.from), to: shortDate(r.to) }) : null);
        const chart = createCoverageChart({ height: 64, compact: true });
        x.chart.append(chart.el);
        charts.push(chart);
        requestAnimationFrame(() => chart.draw(r.days));
        return el;
      }));
      setText(s.meta, [describePeriod(period), counted('fmt.camps', results.length), people(camps.reduce((a, c) => a + (c.population ?? 0), 0)), t('coverage.belowFirst')].join(' · '));
      message.clear();
      if (!results.length) message.info(t('overview.noCamps'));
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      message.error(t('coverage.loadFailed'), err, () => show(period));
    }
  }

  s.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const period = s.period.value;
    history.replaceState(null, '', period === LAST_30 ? '#/coverage' : `#/coverage?period=${period}`);
    show(period);
  });

  (async () => {
    try {
      camps = await api.getCamps({ signal: controller.signal });
    } catch {
      // show() reports it
    }
    const today = camps[0]?.today?.date ?? new Date().toISOString().slice(0, 10);
    s.period.append(new Option(describePeriod(LAST_30), LAST_30));
    for (let i = 0, month = `${today.slice(0, 7)}-01`; i < MONTHS_OFFERED; i += 1, month = addDays(month, -1).slice(0, 7) + '-01') {
      s.period.append(new Option(monthName(month.slice(0, 7)), month.slice(0, 7)));
    }
    const period = readPeriod();
    if (![...s.period.options].some((o) => o.value === period)) s.period.append(new Option(monthName(period), period));
    s.period.value = period;
    show(period);
  })();

  return {
    unmount() {
      controller.abort();
      for (const c of charts) c.dispose();
    },
  };
}
