// Litres per person per day as SVG bars, one per camp-local day, against the camp's target and the
// 15 l/p/d emergency minimum (both drawn and labelled). A bar says how the day went by its colour
// and, for a day below the minimum, a mark; a day with readings for less than 90 % of it is hatched,
// since its figure understates what people had and it is not judged; a day with no readings at all
// has no bar and a "no data" mark. Compact charts (the overview's) show the first and last date.

import { lpd, number } from '../format.js';
import { isolate, t } from '../i18n.js';
import { shortDate } from '../dates.js';

const SVG = 'http://www.w3.org/2000/svg';
export const MINIMUM_LPD = 15;
export const COMPLETE = 0.9;
const PAD = { top: 14, right: 10, bottom: 26, left: 40 };

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = name === 'text' ? isolate(text) : text;
  return node;
}

/**
 * "met", "below" (under the target), "short" (under the 15 l/p/d minimum), "partial": readings cover
 * less than 90 % of the day, so the server gives no verdict (met null) and its figure says too little
 * to judge (as the coverage-low alert does not judge it either), or "none": no figure at all (no
 * readings that day, or nobody to share the water among).
 */
export const dayClass = (d) => (d.lpd == null ? 'none' : d.met == null || d.completeness < COMPLETE ? 'partial'
  : d.lpd >= d.targetLpd ? 'met' : d.lpd >= MINIMUM_LPD ? 'below' : 'short');

/** Judged days: the server gave a verdict. */
export const isJudged = (d) => d.met != null && d.lpd != null;

let serial = 0;

export function createCoverageChart({ height = 220, compact = false } = {}) {
  const root = document.createElement('figure');
  root.className = `chart coverage-chart${compact ? ' chart-compact' : ''}`;
  const svg = el('svg', { role: 'img', class: 'chart-svg', height, focusable: 'false' });
  root.append(svg);
  const pattern = `hatch-${(serial += 1)}`;
  let last = null;

  function draw(days) {
    last = days;
    const width = Math.max(compact ? 220 : 280, Math.round(root.clientWidth || 640));
    const pad = compact ? { top: 6, right: 4, bottom: 18, left: 4 } : PAD;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    const w = width - pad.left - pad.right;
    const h = height - pad.top - pad.bottom;
    const target = days[0]?.targetLpd ?? 20;
    const top = Math.max(target * 1.4, ...days.map((d) => d.lpd ?? 0)) * 1.05;
    const y = (v) => pad.top + h - (Math.max(0, v) / top) * h;
    const slot = w / Math.max(1, days.length);
    const barW = Math.max(2, Math.min(28, slot * 0.72));

    const defs = el('defs');
    const pat = el('pattern', { id: pattern, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pat.append(el('rect', { width: 6, height: 6, class: 'hatch-bg' }), el('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
    defs.append(pat);
    const parts = [defs];

    if (!compact) {
      const step = top > 60 ? 20 : top > 30 ? 10 : 5;
      for (let v = 0; v <= top; v += step) {
        parts.push(el('line', { x1: pad.left, x2: pad.left + w, y1: y(v), y2: y(v), class: 'chart-grid' }));
        parts.push(el('text', { x: pad.left - 6, y: y(v) + 4, class: 'chart-axis', 'text-anchor': 'end' }, number(v)));
      }
    }

    days.forEach((d, i) => {
      const cx = pad.left + slot * i + slot / 2;
      const cls = dayClass(d);
      if (cls === 'none') {
        // No figure: a dot on the axis, never a bar of 0 that reads as a day without water.
        const mark = el('circle', { cx: cx.toFixed(1), cy: (y(0) - 3).toFixed(1), r: Math.min(3, barW / 2).toFixed(1), class: 'bar-none' });
        mark.append(el('title', {}, t('covChart.noData', { date: shortDate(d.date) })));
        parts.push(mark);
      } else {
        const incomplete = cls === 'partial';
        const bar = el('rect', {
          x: (cx - barW / 2).toFixed(1), y: y(d.lpd).toFixed(1), width: barW.toFixed(1),
          height: Math.max(d.lpd > 0 ? 1 : 0, y(0) - y(d.lpd)).toFixed(1),
          class: `bar-day bar-${cls}${incomplete ? ' bar-incomplete' : ''}`,
        });
        if (incomplete) bar.style.fill = `url(#${pattern})`;
        bar.append(el('title', {}, t(incomplete ? 'covChart.dayPartial' : 'covChart.day', { date: shortDate(d.date), lpd: lpd(d.lpd), target: lpd(d.targetLpd), pct: number(Math.round(d.completeness * 100)) })));
        parts.push(bar);
      }
      if (!compact) {
        const every = Math.ceil(days.length / Math.max(1, Math.floor(w / 52)));
        if (i % every === 0) parts.push(el('text', { x: cx, y: height - 8, class: 'chart-axis', 'text-anchor': 'middle' }, shortDate(d.date)));
      }
    });
    if (compact && days.length) {
      parts.push(el('text', { x: pad.left, y: height - 4, class: 'chart-axis', 'text-anchor': 'start' }, shortDate(days[0].date)));
      if (days.length > 1) parts.push(el('text', { x: pad.left + w, y: height - 4, class: 'chart-axis', 'text-anchor': 'end' }, shortDate(days.at(-1).date)));
    }

    for (const [v, label, cls] of [[target, t('covChart.target', { v: lpd(target) }), 'chart-target'], [MINIMUM_LPD, t('covChart.minimum', { v: lpd(MINIMUM_LPD) }), 'chart-minimum']]) {
      parts.push(el('line', { x1: pad.left, x2: pad.left + w, y1: y(v), y2: y(v), class: `chart-limit ${cls}` }));
      if (!compact) parts.push(el('text', { x: pad.left + 4, y: y(v) - 4, class: `chart-limit-text ${cls}` }, label));
    }
    if (!days.length) parts.push(el('text', { x: pad.left + w / 2, y: pad.top + h / 2, class: 'chart-empty', 'text-anchor': 'middle' }, t('covChart.noDays')));
    svg.replaceChildren(...parts);

    const met = days.filter((d) => dayClass(d) === 'met').length;
    const short = days.filter((d) => dayClass(d) === 'short').length;
    const none = days.filter((d) => dayClass(d) === 'none').length;
    svg.setAttribute('aria-label', days.length
      ? t('covChart.describe', { from: shortDate(days[0].date), to: shortDate(days.at(-1).date), n: number(days.length), target: lpd(target), met: number(met),
        minimum: lpd(MINIMUM_LPD), short: number(short) }) + (none ? ` ${t('covChart.describeNone', { n: number(none) })}` : '')
      : t('covChart.noDays.sentence'));
  }

  const resize = new ResizeObserver(() => last && draw(last));
  resize.observe(root);
  return { el: root, draw, dispose: () => resize.disconnect() };
}
