// A tank's level over time as an SVG line (no library: small, and works offline). The y axis is the
// level as a share of the tank's full height (0–100 %), the scale the tile shows and the low, critical
// and overflow thresholds use, drawn as labelled lines: on a horizontal cylinder the share of volume
// differs, and one picture must not mix the two. The x axis is time in the camp's zone. The picture has
// a text summary for screen readers.

import { clock, number, percent } from '../format.js';
import { chartFrame, svgEl as el, timeAxis } from './chart-time.js';

const HEIGHT = 240;
const PAD = { top: 22, right: 12, bottom: 28, left: 44 };
const SCALE_LABEL = '% of height';

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
      parts.push(el('text', { x: PAD.left - 6, y: y(pct) + 4, class: 'chart-axis', 'text-anchor': 'end' }, `${pct}%`));
    }
    parts.push(el('text', { x: 2, y: 11, class: 'chart-axis chart-scale' }, SCALE_LABEL));

    parts.push(...timeAxis({ t0, t1, width: w, x, top: PAD.top, bottom: PAD.top + h, labelY: HEIGHT - 8, zone }));

    for (const [key, label, cls] of [['overflowPct', 'overflow', 'chart-limit-over'], ['lowPct', 'low', 'chart-limit-low'], ['criticalPct', 'critical', 'chart-limit-crit']]) {
      const v = thresholds?.[key];
      if (typeof v !== 'number') continue;
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(v), y2: y(v), class: `chart-limit ${cls}` }));
      parts.push(el('text', { x: PAD.left + w - 4, y: y(v) - 4, class: `chart-limit-text ${cls}`, 'text-anchor': 'end' }, `${label} ${v}%`));
    }

    const pcts = fullHeightMm > 0 ? points.map((p) => ({ t: Date.parse(p.ts), pct: (p.levelMm / fullHeightMm) * 100 })) : [];
    if (pcts.length) {
      const line = pcts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.pct).toFixed(1)}`).join('');
      const area = `${line}L${x(pcts.at(-1).t).toFixed(1)},${y(0)}L${x(pcts[0].t).toFixed(1)},${y(0)}Z`;
      parts.push(el('path', { d: area, class: 'chart-area' }));
      parts.push(el('path', { d: line, class: 'chart-line' }));
      const end = pcts.at(-1);
      parts.push(el('circle', { cx: x(end.t), cy: y(end.pct), r: 4, class: 'chart-dot' }));
    } else {
      parts.push(el('text', { x: PAD.left + w / 2, y: PAD.top + h / 2, class: 'chart-empty', 'text-anchor': 'middle' }, 'No readings in this period'));
    }
    svg.replaceChildren(...parts);

    if (pcts.length) {
      const low = pcts.reduce((a, b) => (b.pct < a.pct ? b : a));
      const high = pcts.reduce((a, b) => (b.pct > a.pct ? b : a));
      frame.describe(`Level (${SCALE_LABEL}) from ${percent(pcts[0].pct)} to ${percent(pcts.at(-1).pct)}; lowest ${percent(low.pct)} at ${clock(low.t, zone)}, highest ${percent(high.pct)} at ${clock(high.t, zone)}; ${number(pcts.length)} readings.`);
    } else {
      frame.describe('No readings in this period.');
    }
  }

  return frame.chart;
}
