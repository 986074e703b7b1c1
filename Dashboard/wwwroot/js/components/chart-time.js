// What the time charts share: SVG elements, the frame of a chart, and the time axis — as many labels as fit
// (one per ~72 px), on the camp's whole hours or midnights, not UTC's nor this device's.

import { clock, dayLabel, zoneOffsetMs } from '../format.js';
import { isolate } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR = 3_600_000;

export function svgEl(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  // The chart lays out left to right; each label keeps its own direction inside it ("فيضان 98%", "14:05").
  if (text != null) node.textContent = name === 'text' ? isolate(text) : text;
  return node;
}

/**
 * Vertical grid lines and labels from t0 to t1 (ms) in the camp's zone. x maps a time to its x; top and bottom
 * bound the plot; labelY is where the labels sit.
 */
export function timeAxis({ t0, t1, width, x, top, bottom, labelY, zone }) {
  const span = t1 - t0;
  const fit = Math.max(2, Math.floor(width / 72));
  const step = [HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR]
    .find((candidate) => span / candidate <= fit) ?? 7 * 24 * HOUR;
  const offset = -zoneOffsetMs(t0, zone);
  const parts = [];
  for (let t = Math.ceil((t0 - offset) / step) * step + offset; t <= t1; t += step) {
    const label = step >= 86_400_000 ? dayLabel(t, zone) : clock(t, zone);
    parts.push(svgEl('line', { x1: x(t), x2: x(t), y1: top, y2: bottom, class: 'chart-grid chart-grid-v' }));
    parts.push(svgEl('text', { x: x(t), y: labelY, class: 'chart-axis', 'text-anchor': 'middle' }, label));
  }
  return parts;
}

/**
 * The frame of a chart: a figure with its SVG and a caption for screen readers, redrawn with its last data
 * when its width changes. draw(data) is the chart's own; the frame keeps the data for a redraw.
 */
export function chartFrame(height, draw) {
  const root = document.createElement('figure');
  root.className = 'chart';
  const svg = svgEl('svg', { role: 'img', class: 'chart-svg', height, focusable: 'false' });
  const caption = document.createElement('figcaption');
  caption.className = 'visually-hidden';
  root.append(svg, caption);
  let last = null;
  const redraw = (data) => {
    last = data;
    draw(data);
  };
  const resize = new ResizeObserver(() => last && draw(last));
  resize.observe(root);
  return {
    root,
    svg,
    /** The text a screen reader reads for the picture. */
    describe(text) {
      svg.setAttribute('aria-label', text);
      caption.textContent = text;
    },
    /** The width to draw at, in px. */
    width: () => Math.max(280, Math.round(root.clientWidth || 640)),
    chart: { el: root, draw: redraw, dispose: () => resize.disconnect() },
  };
}
