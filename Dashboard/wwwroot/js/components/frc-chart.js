// Free residual chlorine at one place over time, as an SVG (no library): the camp's safe band shaded between
// its minimum and maximum, each test a dot (filled when safe, a ring with a cross when not) joined by a
// line, time in this device's zone. The picture has a text summary for screen readers.

import { number } from '../format.js';
import { mgL } from '../services.js';
import { t } from '../i18n.js';
import { chartFrame, svgEl as el, timeAxis } from './chart-time.js';

const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

export function createFrcChart() {
  const frame = chartFrame(HEIGHT, draw);
  const { svg } = frame;

  /** @param {{ tests: object[], min: number, max: number, from: string, to: string, zone: string }} data tests newest first; zone: the camp's */
  function draw(data) {
    const { min, max } = data;
    const points = data.tests.filter((t) => typeof t.frcMgL === 'number').map((t) => ({ t: Date.parse(t.ts), v: t.frcMgL, ok: t.frcMgL >= min && t.frcMgL <= max })).reverse();
    const width = frame.width();
    svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    svg.setAttribute('width', width);
    const w = width - PAD.left - PAD.right;
    const h = HEIGHT - PAD.top - PAD.bottom;
    const t0 = Date.parse(data.from);
    const t1 = Date.parse(data.to);
    const top = Math.max(max * 1.25, ...points.map((p) => p.v)) || 1;
    const x = (t) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * w;
    const y = (v) => PAD.top + h - (Math.min(top, Math.max(0, v)) / top) * h;
    const parts = [];

    parts.push(el('rect', { x: PAD.left, y: y(max), width: w, height: Math.max(0, y(min) - y(max)), class: 'chart-band' }));
    const step = top > 4 ? 1 : top > 2 ? 0.5 : 0.25;
    for (let v = 0; v <= top + 1e-9; v += step) {
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(v), y2: y(v), class: 'chart-grid' }));
      parts.push(el('text', { x: PAD.left - 6, y: y(v) + 4, class: 'chart-axis', 'text-anchor': 'end' }, number(v, 2)));
    }

    parts.push(...timeAxis({ t0, t1, width: w, x, top: PAD.top, bottom: PAD.top + h, labelY: HEIGHT - 8, zone: data.zone }));

    for (const [v, label, cls] of [[max, t('frcChart.max', { v: mgL(max) }), 'chart-limit-over'], [min, t('frcChart.min', { v: mgL(min) }), 'chart-limit-crit']]) {
      parts.push(el('line', { x1: PAD.left, x2: PAD.left + w, y1: y(v), y2: y(v), class: `chart-limit ${cls}` }));
      // At the left, where the oldest tests are: the newest, at the right, are the ones people look at.
      parts.push(el('text', { x: PAD.left + 4, y: y(v) - 4, class: `chart-limit-text ${cls}`, 'text-anchor': 'start' }, label));
    }

    if (points.length) {
      parts.push(el('path', { d: points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(''), class: 'chart-line chart-line-frc' }));
      for (const p of points) {
        parts.push(el('circle', { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: p.ok ? 3.5 : 5, class: p.ok ? 'chart-dot' : 'chart-dot-bad' }));
      }
    } else {
      parts.push(el('text', { x: PAD.left + w / 2, y: PAD.top + h / 2, class: 'chart-empty', 'text-anchor': 'middle' }, t('frcChart.none')));
    }
    svg.replaceChildren(...parts);

    const text = points.length
      ? t('frcChart.describe', { from: mgL(points[0].v), to: mgL(points.at(-1).v), low: mgL(Math.min(...points.map((p) => p.v))),
        bad: number(points.filter((p) => !p.ok).length), n: number(points.length), min: mgL(min), max: mgL(max) })
      : t('frcChart.none.sentence');
    frame.describe(text);
  }

  return frame.chart;
}
