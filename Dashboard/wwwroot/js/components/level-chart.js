// A tank's level over time as an SVG line (no library: small, and works offline). The y axis is the
// level as a share of the tank's full height (0–100 %), the scale the tile shows and the low, critical
// and overflow thresholds use, drawn as labelled lines: on a horizontal cylinder the share of volume
// differs, and one picture must not mix the two. The x axis is time in the camp's zone. The picture has
// a text summary for screen readers.
//
// What the filter did is drawn, for the engineer to check it: each reading as read is a faint line, the
// filtered estimate that the ledger and the alerts use is the line on top, and a reading that the next one
// showed to be a false echo is a red cross, left out of both lines. A reading that came live since the
// page loaded has no estimate yet: its own level stands in until the next load.

import { clock, number, percent } from '../format.js';
import { t } from '../i18n.js';
import { chartFrame, svgEl as el, timeAxis } from './chart-time.js';

const HEIGHT = 240;
const PAD = { top: 22, right: 12, bottom: 28, left: 44 };
const SCALE_LABEL = t('chart.scale');

export function createLevelChart() {
  const frame = chartFrame(HEIGHT, draw);
  const { svg } = frame;

  /** fullHeightMm: the depth at 100 %; zone: the camp's time zone. */
  function draw({ points, fullHeightMm, from, to, thresholds, zone }) {
    const width = frame.width();
    svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    svg.setAttribute('width', width);
    const w = width - PAD.left - PAD.right;
    const h = HEIGHT - PAD.top - PAD.bottom;
    const t0 = Date.parse(from);
    const t1 = Date.parse(to);
    const x = (t) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * w;
    const y = (pct) => PAD.top + h - (Math.min(105, Math.max(0, pct)) / 100) * h;
    const parts = [];

    for (const pct of [0, 25, 50, 75, 100]) {
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(pct), y2: y(pct), class: 'chart-grid' }));
      parts.push(el('text', { x: PAD.left - 6, y: y(pct) + 4, class: 'chart-axis', 'text-anchor': 'end' }, percent(pct)));
    }
    parts.push(el('text', { x: 2, y: 11, class: 'chart-axis chart-scale' }, SCALE_LABEL));

    parts.push(...timeAxis({ t0, t1, width: w, x, top: PAD.top, bottom: PAD.top + h, labelY: HEIGHT - 8, zone }));

    for (const [key, label, cls] of [['overflowPct', t('chart.overflow'), 'chart-limit-over'], ['lowPct', t('chart.low'), 'chart-limit-low'], ['criticalPct', t('chart.critical'), 'chart-limit-crit']]) {
      const v = thresholds?.[key];
      if (typeof v !== 'number') continue;
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(v), y2: y(v), class: `chart-limit ${cls}` }));
      parts.push(el('text', { x: PAD.left + w - 4, y: y(v) - 4, class: `chart-limit-text ${cls}`, 'text-anchor': 'end' }, t('chart.limit', { label, v: percent(v) })));
    }

    const toPct = (mm) => (mm / fullHeightMm) * 100;
    const all = fullHeightMm > 0 ? points.map((p) => ({
      t: Date.parse(p.ts),
      raw: toPct(p.levelMm),
      pct: toPct(typeof p.estimateMm === 'number' ? p.estimateMm : p.levelMm),
      wild: p.wild === true,
    })) : [];
    const pcts = all.filter((p) => !p.wild);
    const wild = all.filter((p) => p.wild);
    const path = (list, key) => list.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p[key]).toFixed(1)}`).join('');
    if (pcts.length) {
      const line = path(pcts, 'pct');
      const area = `${line}L${x(pcts.at(-1).t).toFixed(1)},${y(0)}L${x(pcts[0].t).toFixed(1)},${y(0)}Z`;
      parts.push(el('path', { d: area, class: 'chart-area' }));
      parts.push(el('path', { d: path(pcts, 'raw'), class: 'chart-raw' }));
      parts.push(el('path', { d: line, class: 'chart-line' }));
      const end = pcts.at(-1);
      parts.push(el('circle', { cx: x(end.t), cy: y(end.pct), r: 4, class: 'chart-dot' }));
    } else if (!wild.length) {
      parts.push(el('text', { x: PAD.left + w / 2, y: PAD.top + h / 2, class: 'chart-empty', 'text-anchor': 'middle' }, t('chart.noReadings')));
    }
    for (const p of wild) {
      const cx = x(p.t);
      const cy = y(p.raw);
      const mark = el('path', { d: `M${(cx - 4).toFixed(1)},${(cy - 4).toFixed(1)}l8,8m0,-8l-8,8`, class: 'chart-wild' });
      mark.append(el('title', {}, t('chart.echo', { time: clock(p.t, zone), v: percent(p.raw) })));
      parts.push(mark);
    }
    if (all.length) {
      // On a phone the false echoes' count is shortened to its mark, so the legend fits beside the scale.
      const narrow = width < 560;
      const legend = [['chart-legend-raw', t('chart.asRead')], ['chart-legend-estimate', t('chart.estimate')]];
      if (wild.length) {
        legend.push(['chart-legend-wild', narrow ? `✕ ${number(wild.length)}` : t('chart.echoes', { count: wild.length, n: number(wild.length) })]);
      }
      let lx = PAD.left + (narrow ? 44 : 70);
      for (const [cls, label] of legend) {
        parts.push(el('text', { x: lx, y: 11, class: `chart-axis chart-legend ${cls}` }, label));
        lx += 18 + label.length * 7;
      }
    }
    svg.replaceChildren(...parts);

    if (pcts.length) {
      const low = pcts.reduce((a, b) => (b.pct < a.pct ? b : a));
      const high = pcts.reduce((a, b) => (b.pct > a.pct ? b : a));
      const echoes = wild.length ? ` ${t('chart.echoesWords', { count: wild.length, n: number(wild.length) })}` : '';
      frame.describe(t('chart.describe', {
        scale: SCALE_LABEL, from: percent(pcts[0].pct), to: percent(pcts.at(-1).pct), low: percent(low.pct), lowAt: clock(low.t, zone),
        high: percent(high.pct), highAt: clock(high.t, zone), n: number(all.length),
      }) + echoes);
    } else {
      frame.describe(wild.length ? t('chart.allEchoes', { n: number(wild.length) }) : t('chart.noReadings.sentence'));
    }
  }

  return frame.chart;
}
