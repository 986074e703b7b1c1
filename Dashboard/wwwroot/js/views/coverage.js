// Coverage for managers (#/coverage): every camp side by side for one month, those below their
// target first, each with its days as small bars; a camp's name opens its own coverage page.

import * as api from '../api.js';
import { createCoverageChart, COMPLETE, MINIMUM_LPD, dayClass } from '../components/coverage-chart.js';
import { monthName, monthRange } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { lpd, number, people } from '../format.js';
import { pageMessage } from './page-message.js';

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1">Coverage</h1>
    <p class="muted" data-slot="meta">Litres per person per day, by camp, for one month.</p>
  </header>
  <form class="range-form" data-slot="form">
    <div class="form-field"><label for="cov-month">Month</label><input type="month" id="cov-month" required data-slot="month"></div>
    <button type="submit" class="button">Show</button>
  </form>
  <div data-slot="message"></div>
  <ol class="camp-coverage-list" aria-label="Camps, those below target first" data-slot="list"></ol>
</section>`);

const makeRow = template(`
<li class="card cov-camp">
  <div class="cov-camp-head">
    <h2 class="card-title"><a data-slot="link"></a></h2>
    <p class="verdict" data-slot="verdict"><span aria-hidden="true"></span> <span></span></p>
  </div>
  <dl class="facts cov-facts">
    <div><dt>Average</dt><dd class="num" data-slot="mean"></dd></div>
    <div><dt>Target</dt><dd class="num" data-slot="target"></dd></div>
    <div><dt>Days met</dt><dd class="num" data-slot="met"></dd></div>
    <div><dt>Under 15 l/p/d</dt><dd class="num" data-slot="short"></dd></div>
    <div><dt>Data complete</dt><dd class="num" data-slot="complete"></dd></div>
  </dl>
  <div data-slot="chart"></div>
</li>`);

export function mount(root, _params, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle('Coverage');
  const message = pageMessage(s.message);
  const controller = new AbortController();
  const charts = [];
  let camps = [];

  async function show(month) {
    message.loading(`Loading ${monthName(month)}…`);
    for (const c of charts.splice(0)) c.dispose();
    try {
      camps = camps.length ? camps : await api.getCamps({ signal: controller.signal });
      const results = await Promise.all(camps.map(async (camp) => {
        const [first, last] = monthRange(month);
        const today = camp.today?.date ?? last;
        const to = last > today ? today : last;
        const days = first > to ? [] : await api.getCoverage(camp.campId, first, to, { signal: controller.signal });
        const judged = days.filter((d) => d.completeness >= COMPLETE);
        const mean = judged.length ? judged.reduce((a, d) => a + d.lpd, 0) / judged.length : null;
        return { camp, days, judged, mean, from: first, to };
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
        setAttr(x.link, 'href', `#/coverage/${encodeURIComponent(r.camp.campId)}?from=${r.from}&to=${r.to}`);
        const below = r.mean != null && r.mean < r.camp.targetLpd;
        const short = r.mean != null && r.mean < MINIMUM_LPD;
        const cls = r.mean == null ? 'none' : short ? 'short' : below ? 'below' : 'met';
        el.dataset.verdict = cls;
        x.verdict.className = `verdict verdict-${cls}`;
        setText(x.verdict.firstElementChild, { none: '?', short: '!', below: '▼', met: '✓' }[cls]);
        setText(x.verdict.lastElementChild, { none: 'no complete day', short: 'below the minimum', below: 'below target', met: 'target met' }[cls]);
        setText(x.mean, lpd(r.mean));
        setText(x.target, lpd(r.camp.targetLpd));
        setText(x.met, `${number(r.days.filter((d) => dayClass(d) === 'met').length)} of ${number(r.judged.length)}`);
        setText(x.short, `${number(r.days.filter((d) => dayClass(d) === 'short').length)} days`);
        setText(x.complete, `${number(r.judged.length)} of ${number(r.days.length)} days`);
        const chart = createCoverageChart({ height: 64, compact: true });
        x.chart.append(chart.el);
        charts.push(chart);
        requestAnimationFrame(() => chart.draw(r.days));
        return el;
      }));
      setText(s.meta, `${monthName(month)} · ${number(results.length)} camps · ${people(camps.reduce((a, c) => a + (c.population ?? 0), 0))} · those below target first`);
      message.clear();
      if (!results.length) message.info('No camps are registered yet.');
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      message.error('Coverage could not be loaded.', err, () => show(month));
    }
  }

  s.form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (s.month.value) show(s.month.value);
  });

  (async () => {
    try {
      camps = await api.getCamps({ signal: controller.signal });
    } catch {
      // show() reports it
    }
    const today = camps[0]?.today?.date ?? new Date().toISOString().slice(0, 10);
    s.month.value = today.slice(0, 7);
    s.month.max = today.slice(0, 7);
    show(s.month.value);
  })();

  return {
    unmount() {
      controller.abort();
      for (const c of charts) c.dispose();
    },
  };
}
