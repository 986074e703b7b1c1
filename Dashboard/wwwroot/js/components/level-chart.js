// A tank's level over time as an SVG line (no library: small, and works offline). The y axis is the
// share of the tank's capacity (0–100 %), with the low, critical and overflow thresholds drawn as
// labelled lines; the x axis is time in this device's zone. The picture has a text summary for
// screen readers.

import { clock, number, percent } from '../format.js';
import { chartFrame, svgEl as el, timeAxis } from './chart-time.js';

const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

export function createLevelChart() {
  const frame = chartFrame(HEIGHT, draw);
  const { svg } = frame;

  function draw({ points, capacityL, from, to, thresholds }) {
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

    parts.push(...timeAxis({ t0, t1, width: w, x, top: PAD.top, bottom: PAD.top + h, labelY: HEIGHT - 8 }));

    for (const [key, label, cls] of [['overflowPct', 'overflow', 'chart-limit-over'], ['lowPct', 'low', 'chart-limit-low'], ['criticalPct', 'critical', 'chart-limit-crit']]) {
      const v = thresholds?.[key];
      if (typeof v !== 'number') continue;
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(v), y2: y(v), class: `chart-limit ${cls}` }));
      parts.push(el('text', { x: PAD.left + w - 4, y: y(v) - 4, class: `chart-limit-text ${cls}`, 'text-anchor': 'end' }, `${label} ${v}%`));
    }

    const pcts = capacityL > 0 ? points.map((p) => ({ t: Date.parse(p.ts), pct: (p.volumeL / capacityL) * 100 })) : [];
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
      frame.describe(`Level from ${percent(pcts[0].pct)} to ${percent(pcts.at(-1).pct)}; lowest ${percent(low.pct)} at ${clock(new Date(low.t))}, highest ${percent(high.pct)} at ${clock(new Date(high.t))}; ${number(pcts.length)} readings.`);
    } else {
      frame.describe('No readings in this period.');
    }
  }

  return frame.chart;
}
