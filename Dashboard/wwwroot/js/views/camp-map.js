// A camp's map (#/camps/{campId}/map): its tanks and water points placed by their coordinates on a plain
// drawn plan (an SVG with a metre grid, a scale bar and north up; no map tiles, nothing from the internet),
// each coloured by its state, with an icon and a word as well, and each a link to its page. Water points are
// joined to the tank they draw from. What has no location is listed under the map.

import * as api from '../api.js';
import * as live from '../live.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { TANK_STATES, number, percent, tankState } from '../format.js';
import { svgEl as el } from '../components/chart-time.js';
import { KINDS, POINT_STATES, WORDS, pointState } from '../services.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const TEXT = {
  title: t('campMap.title'),
  loading: t('campMap.loading'),
  unplaced: t('campMap.unplaced'),
  noneLocated: t('campMap.noneLocated'),
  tanks: t('campMap.tanks'),
  points: t('campMap.points'),
  water: t('campMap.water'),
  north: t('campMap.north'),
  legend: t('campMap.legend'),
  plan: (name) => t('campMap.plan', { name }),
  wider: t('campMap.wider'),
};

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON = 111_320;
const GRID_STEPS = [10, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
const PAD = 56;

/** Closest two items may come on screen, so that their markers and names stay apart on a phone. */
const MIN_GAP_PX = 56;
/** A plan wider than the screen scrolls; beyond this many screens it is shrunk instead. */
const MAX_SCREENS = 3;

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="map.breadcrumb"><a href="#/" data-i18n="map.allCamps"></a> › <a data-slot="campLink"></a></nav>
  <header class="page-head"><h1 id="page-title" tabindex="-1" data-slot="title"></h1></header>
  <div data-slot="message"></div>
  <div data-slot="body" hidden>
    <figure class="card map-card">
      <div class="map-scroll" data-slot="scroll"><svg class="camp-map" role="group" focusable="false" data-slot="map"></svg></div>
      <figcaption class="muted small" data-slot="caption"></figcaption>
    </figure>
    <ul class="legend map-legend" data-slot="legend"></ul>
    <section class="card map-unplaced" data-slot="unplacedBox" hidden>
      <h2 data-slot="unplacedTitle"></h2>
      <ul data-slot="unplaced"></ul>
    </section>
  </div>
</section>`);

/** The shortest distance between two of the points, in their units; infinity for fewer than two. */
function closest(points) {
  let best = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      best = Math.min(best, Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y));
    }
  }
  return best;
}

/** Metres east and south of the north-west corner of the items' bounding box. */
export function project(items) {
  const located = items.filter((i) => i.location);
  if (located.length === 0) return { width: 0, height: 0, at: () => null };
  const lats = located.map((i) => i.location.lat);
  const lons = located.map((i) => i.location.lon);
  const north = Math.max(...lats);
  const west = Math.min(...lons);
  const cos = Math.cos(((Math.max(...lats) + Math.min(...lats)) / 2) * (Math.PI / 180));
  const at = (loc) => ({ x: (loc.lon - west) * cos * M_PER_DEG_LON, y: (north - loc.lat) * M_PER_DEG_LAT });
  const far = located.map((i) => at(i.location));
  return { width: Math.max(...far.map((p) => p.x)), height: Math.max(...far.map((p) => p.y)), at };
}

export function mount(root, { campId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const enc = encodeURIComponent(campId);
  setAttr(s.campLink, 'href', `#/camps/${enc}`);
  setText(s.campLink, campId);
  setText(s.title, TEXT.title);
  app.setTitle(`${TEXT.title} · ${campId}`);
  setText(s.unplacedTitle, TEXT.unplaced);
  const message = pageMessage(s.message);
  message.loading(TEXT.loading);
  let data = null; // { camp, config, points, alerts }
  let scrolled = false;

  function legend() {
    const items = [];
    for (const key of ['ok', 'low', 'critical', 'overflow', 'offline', 'fault', 'unknown']) {
      items.push(legendItem('square', key, TANK_STATES[key].icon, `${WORDS.tank}: ${TANK_STATES[key].label}`));
    }
    for (const [key, look] of Object.entries(POINT_STATES)) {
      items.push(legendItem('round', look.colour, look.icon, `${WORDS.point}: ${look.label}`));
    }
    s.legend.replaceChildren(...items);
    setAttr(s.legend, 'aria-label', TEXT.legend);
  }

  function legendItem(shape, colour, icon, words) {
    const li = document.createElement('li');
    const mark = document.createElement('span');
    mark.className = `map-key map-key-${shape}`;
    mark.dataset.tankState = colour;
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = icon;
    li.append(mark, ` ${words}`);
    return li;
  }

  function items() {
    const { camp, config, points, alerts } = data;
    const statusOf = new Map((camp.tanks ?? []).map((t) => [t.tankId, t]));
    const tanks = config.tanks.map((t) => {
      const status = statusOf.get(t.id);
      const state = tankState(status?.state);
      const water = alerts.some((a) => a.tankId === t.id && a.kind.startsWith('quality-'));
      return {
        key: `tank:${t.id}`, kind: 'tank', id: t.id, name: t.name, location: t.location, colour: state, icon: TANK_STATES[state].icon,
        words: `${TANK_STATES[state].label}${status ? `, ${percent(status.levelPct)}` : ''}${water ? `, ${TEXT.water}` : ''}`, water,
        href: `#/camps/${enc}/tanks/${encodeURIComponent(t.id)}`,
      };
    });
    const located = new Map(config.tanks.map((t) => [t.id, t.location]));
    const pts = points.map((p) => {
      const state = pointState(p, alerts);
      const look = POINT_STATES[state];
      return {
        key: `point:${p.id}`, kind: 'point', id: p.id, name: p.name, location: p.location, colour: look.colour, icon: look.icon,
        words: `${KINDS[p.kind] ?? p.kind}, ${look.label}, ${number(p.usableTaps)} of ${number(p.taps)} taps`, water: state === 'water',
        href: `#/camps/${enc}/points/${encodeURIComponent(p.id)}`, tank: p.tankId ? located.get(p.tankId) : null,
      };
    });
    return [...tanks, ...pts];
  }

  function draw() {
    if (!data) return;
    const all = items();
    const plan = project(all);
    const screen = Math.max(300, Math.round(s.scroll.clientWidth || 640));
    const tall = Math.max(320, Math.min(720, Math.round(window.innerHeight * 0.7)));
    // Fit the plan to the screen, unless two items would then crowd each other: then draw it larger and let it
    // scroll, as a paper plan is unfolded.
    const fit = Math.min((screen - 2 * PAD) / Math.max(plan.width, 1), (tall - 2 * PAD) / Math.max(plan.height, 1));
    const legible = MIN_GAP_PX / Math.max(closest(all.filter((i) => i.location).map((i) => plan.at(i.location))), 1);
    const scale = Math.min(Math.max(fit, legible), (screen * MAX_SCREENS - 2 * PAD) / Math.max(plan.width, 1));
    const width = Math.max(screen, Math.round(plan.width * scale + 2 * PAD));
    const height = Math.max(300, Math.round(plan.height * scale + 2 * PAD));
    const offX = (width - plan.width * scale) / 2;
    const offY = (height - plan.height * scale) / 2;
    const toScreen = (loc) => {
      const m = plan.at(loc);
      return { x: offX + m.x * scale, y: offY + m.y * scale };
    };
    s.map.setAttribute('viewBox', `0 0 ${width} ${height}`);
    s.map.setAttribute('width', width);
    s.map.setAttribute('height', height);
    s.map.setAttribute('aria-label', TEXT.plan(data.camp.name || campId));
    const parts = [el('rect', { x: 0, y: 0, width, height, class: 'map-ground' })];

    // A metre grid of about five squares across, and a scale bar of one square.
    const spanM = Math.max(plan.width, plan.height, 1);
    const grid = GRID_STEPS.find((g) => spanM / g <= 6) ?? 10_000;
    const gridPx = grid * scale;
    for (let x = offX % gridPx; x < width; x += gridPx) parts.push(el('line', { x1: x, x2: x, y1: 0, y2: height, class: 'map-grid' }));
    for (let y = offY % gridPx; y < height; y += gridPx) parts.push(el('line', { x1: 0, x2: width, y1: y, y2: y, class: 'map-grid' }));
    parts.push(el('path', { d: `M12,${height - 14}v6h${gridPx.toFixed(1)}v-6`, class: 'map-scale' }));
    parts.push(el('text', { x: 12 + gridPx / 2, y: height - 20, class: 'map-scale-text', 'text-anchor': 'middle' }, `${number(grid)} m`));
    parts.push(el('path', { d: `M${width - 22},12l8,22l-8,-6l-8,6z`, class: 'map-north' }));
    parts.push(el('text', { x: width - 22, y: 48, class: 'map-scale-text', 'text-anchor': 'middle' }, TEXT.north));

    const placed = all.filter((i) => i.location);
    for (const item of placed) {
      if (item.kind === 'point' && item.tank) {
        const a = toScreen(item.tank);
        const b = toScreen(item.location);
        parts.push(el('line', { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1), class: 'map-pipe' }));
      }
    }

    for (const item of placed) {
      const { x, y } = toScreen(item.location);
      const link = el('a', { href: item.href, class: `map-item map-${item.kind}`, 'data-item': item.key, 'data-tank-state': item.colour,
        'data-lat': item.location.lat, 'data-lon': item.location.lon, 'aria-label': `${item.name}: ${item.words}` });
      link.append(el('title', {}, `${item.name}: ${item.words}`));
      if (item.water) link.append(el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: item.kind === 'tank' ? 20 : 17, class: 'map-alarm' }));
      link.append(item.kind === 'tank'
        ? el('rect', { x: (x - 13).toFixed(1), y: (y - 13).toFixed(1), width: 26, height: 26, rx: 5, class: 'map-marker' })
        : el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 11, class: 'map-marker' }));
      link.append(el('text', { x: x.toFixed(1), y: (y + 4.5).toFixed(1), class: 'map-icon', 'text-anchor': 'middle', 'aria-hidden': 'true' }, item.icon));
      const below = y + (item.kind === 'tank' ? 30 : 26);
      link.append(el('text', { x: x.toFixed(1), y: below.toFixed(1), class: 'map-label', 'text-anchor': 'middle' }, item.name));
      if (item.water) link.append(el('text', { x: x.toFixed(1), y: (below + 14).toFixed(1), class: 'map-label map-label-alarm', 'text-anchor': 'middle' }, `! ${TEXT.water}`));
      parts.push(link);
    }
    s.map.replaceChildren(...parts);
    const counts = `${number(placed.filter((i) => i.kind === 'tank').length)} ${TEXT.tanks.toLowerCase()} and ${number(placed.filter((i) => i.kind === 'point').length)} ${TEXT.points.toLowerCase()}; a square is ${number(grid)} m.`;
    setText(s.caption, placed.length ? `${counts}${width > screen ? ` ${TEXT.wider}` : ''}` : TEXT.noneLocated);
    if (!scrolled && width > screen) {
      // Open on what needs attention (the first item with a water problem), else on the middle of the plan;
      // on the next frame, once the wider plan is laid out and can scroll.
      const focus = placed.find((i) => i.water);
      const left = (focus ? toScreen(focus.location).x : width / 2) - screen / 2;
      requestAnimationFrame(() => {
        s.scroll.scrollLeft = left;
        scrolled = s.scroll.scrollLeft > 0 || left <= 0;
      });
    }

    const unplaced = all.filter((i) => !i.location).map((i) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = i.href;
      a.textContent = i.name;
      li.append(a, ` — ${i.kind === 'tank' ? WORDS.tank : WORDS.point}, ${i.words}`);
      return li;
    });
    s.unplaced.replaceChildren(...unplaced);
    setAttr(s.unplacedBox, 'hidden', unplaced.length === 0);
  }

  const sync = syncView({
    group: campId,
    async load(signal) {
      const [camp, config, points, alerts] = await Promise.all([
        api.getCamp(campId, { signal }),
        api.getCampConfig(campId, { signal }),
        api.getPoints(campId, { signal }),
        api.getAlerts({ campId }, { signal }),
      ]);
      data = { camp, config, points, alerts };
      setText(s.campLink, camp.name || campId);
      setText(s.title, `${TEXT.title} · ${camp.name || campId}`);
      app.setTitle(`${TEXT.title} · ${camp.name || campId}`);
      setAttr(s.body, 'hidden', false);
      message.clear();
      draw();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      if (err.notFound) {
        message.info(t('camp.notFound.text', { id: campId }));
        return false;
      }
      message.error(t('campMap.loadFailed'), err, () => sync.reload());
      return true;
    },
  });

  legend();
  const resize = new ResizeObserver(() => draw());
  resize.observe(s.scroll);
  const off = [
    live.on('tankUpdated', (tank) => {
      if (tank.campId !== campId || !data) return;
      data.camp.tanks = (data.camp.tanks ?? []).map((t) => (t.tankId === tank.tankId ? tank : t));
      draw();
    }),
    live.on('alertChanged', (alert) => {
      if (alert.campId === campId) sync.reload();
    }),
  ];

  return {
    unmount() {
      sync.dispose();
      resize.disconnect();
      for (const stop of off) stop();
    },
  };
}
