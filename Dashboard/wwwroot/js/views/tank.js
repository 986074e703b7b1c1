// A tank's page (#/camps/{campId}/tanks/{tankId}): its live status, its level over the last 24 hours
// or 7 days (from the levels endpoint, extended live by each new reading), its configuration, which
// engineers can change, and who changed it. Times are in the camp's zone, named once in the header.

import * as api from '../api.js';
import * as live from '../live.js';
import { createLevelChart } from '../components/level-chart.js';
import { createChangeList } from '../components/change-list.js';
import { createDeliveryList } from '../components/delivery-list.js';
import { createTankForm, fullHeightOf } from '../components/tank-form.js';
import { createTankTile } from '../components/tank-tile.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { zoneName } from '../format.js';
import { t } from '../i18n.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const RANGES = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000 };

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="nav.breadcrumb"><a href="#/" data-i18n="nav.allCamps"></a> <span class="flip" aria-hidden="true">›</span> <a data-slot="campLink"></a></nav>
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title"></h1>
    <p class="muted" data-slot="meta"></p>
  </header>
  <div data-slot="message"></div>
  <div class="tank-page" data-slot="body" hidden>
    <div class="tank-page-status" data-slot="tile"></div>
    <section class="card tank-page-chart" aria-labelledby="chart-title">
      <div class="card-head">
        <h2 id="chart-title" data-i18n="tank.level"></h2>
        <div class="segmented" role="group" data-i18n-aria-label="tank.period">
          <button type="button" data-range="24h" aria-pressed="true" data-i18n="tank.24h"></button>
          <button type="button" data-range="7d" aria-pressed="false" data-i18n="tank.7d"></button>
        </div>
      </div>
      <div data-slot="chart"></div>
      <p class="muted small" data-slot="chartNote"></p>
    </section>
    <section class="card tank-page-deliveries" aria-labelledby="deliveries-title">
      <div class="card-head"><h2 id="deliveries-title" data-i18n="tank.deliveries"></h2><a data-slot="voucherLink" hidden data-i18n="tank.enterVoucher"></a></div>
      <div data-slot="deliveries"></div>
    </section>
    <section class="card tank-page-config" aria-labelledby="config-title">
      <h2 id="config-title" data-i18n="tank.configuration"></h2>
      <p class="muted small" data-slot="configNote"></p>
      <div data-slot="form"></div>
    </section>
    <section class="card tank-page-changes" aria-labelledby="changes-title">
      <h2 id="changes-title" data-i18n="changes.title"></h2>
      <div data-slot="changes"></div>
    </section>
  </div>
</section>`);

export function mount(root, { campId, tankId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(tankId);
  setText(s.title, tankId);
  setAttr(s.campLink, 'href', `#/camps/${encodeURIComponent(campId)}`);
  setText(s.campLink, campId);

  const message = pageMessage(s.message);
  message.loading(t('tank.loading'));
  const tile = createTankTile();
  s.tile.append(tile.el);
  const chart = createLevelChart();
  s.chart.append(chart.el);
  const editable = can('configure');
  setText(s.configNote, editable
    ? t('tank.configNote')
    : t('tank.configReadOnly'));

  let status = null;
  let config = null;
  let zone = null; // the camp's time zone
  const changes = createChangeList();
  s.changes.append(changes.el);
  const deliveries = createDeliveryList();
  s.deliveries.append(deliveries.el);
  setAttr(s.voucherLink, 'href', `#/camps/${encodeURIComponent(campId)}/voucher/${encodeURIComponent(tankId)}`);
  setAttr(s.voucherLink, 'hidden', !can('act'));
  let range = '24h';
  let points = [];
  let window_ = null; // { from, to }

  const form = createTankForm({
    editable,
    async save(body) {
      status = await api.putTankConfig(campId, tankId, body);
      tile.update(status, zone);
      config = await api.getTankConfig(campId, tankId);
      form.fill(config);
      redraw();
      loadChanges().catch(() => {});
    },
  });
  s.form.append(form.el);

  function redraw() {
    if (!status || !window_) return;
    chart.draw({ points, fullHeightMm: fullHeightOf(config), from: window_.from, to: window_.to, thresholds: config?.thresholds, zone });
  }

  async function loadChanges(signal) {
    changes.show(await api.getChanges(campId, { tankId }, { signal }), zone, { withTank: false });
  }

  async function loadDeliveries(signal) {
    const to = new Date();
    const from = new Date(to.getTime() - RANGES['7d']);
    const [list, vouchers] = await Promise.all([
      api.getDeliveries(campId, { from: from.toISOString(), to: to.toISOString(), tankId }, { signal }),
      api.getVouchers(campId, { from: new Date(from.getTime() - 7_200_000).toISOString(), to: new Date(to.getTime() + 7_200_000).toISOString() }, { signal }),
    ]);
    deliveries.show(list, zone, new Map(vouchers.map((v) => [v.id, v])));
    // Followed from a contractor's voucher: the fill it matched, in view.
    const wanted = new URLSearchParams(location.hash.split('?')[1] ?? '').get('delivery');
    const row = wanted ? deliveries.el.querySelector(`[id="delivery-${CSS.escape(wanted)}"]`) : null;
    if (row) {
      row.dataset.highlight = 'true';
      row.scrollIntoView({ block: 'center' });
    }
  }

  async function loadLevels(signal) {
    const to = new Date();
    const from = new Date(to.getTime() - RANGES[range]);
    window_ = { from: from.toISOString(), to: to.toISOString() };
    points = await api.getLevels(campId, tankId, window_.from, window_.to, { signal });
    setText(s.chartNote, points.length >= 1000 ? t('tank.thinned') : '');
    redraw();
  }

  function showStatus(next) {
    status = next;
    setText(s.title, next.name || tankId);
    app.setTitle(next.name || tankId);
    tile.update(next, zone);
  }

  const sync = syncView({
    group: campId,
    async load(signal, startedAt) {
      const [next, nextConfig, camp] = await Promise.all([
        api.getTank(campId, tankId, { signal }),
        api.getTankConfig(campId, tankId, { signal }),
        api.getCamp(campId, { signal }).catch(() => null),
      ]);
      if (camp) setText(s.campLink, camp.name || campId);
      zone = camp?.timeZone ?? zone;
      app.setZone(zone);
      if (sync.snapshotWins('tank', startedAt)) showStatus(next);
      if (!config || JSON.stringify(config) !== JSON.stringify(nextConfig)) {
        config = nextConfig;
        form.update(config);
      }
      setText(s.meta, [camp?.name ?? campId, tankId, zone ? t('page.timesIn', { zone: zoneName(zone) }) : ''].filter(Boolean).join(' · '));
      await Promise.all([loadLevels(signal), loadChanges(signal), loadDeliveries(signal).catch(() => {})]);
      setAttr(s.body, 'hidden', false);
      message.clear();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      if (err.notFound) {
        setText(s.title, t('tank.notFound'));
        setAttr(s.body, 'hidden', true);
        message.info(t('tank.notFound.text', { tank: tankId, camp: campId }));
        return false;
      }
      message.error(t('tank.loadFailed'), err, () => sync.reload());
      return true;
    },
  });

  for (const button of page.querySelectorAll('[data-range]')) {
    button.addEventListener('click', () => {
      range = button.dataset.range;
      for (const b of page.querySelectorAll('[data-range]')) setAttr(b, 'aria-pressed', String(b === button));
      loadLevels(sync.signal).catch(() => setText(s.chartNote, t('tank.historyFailed')));
    });
  }

  const off = live.on('tankUpdated', (next) => {
    if (next.campId !== campId || next.tankId !== tankId) return;
    sync.touched('tank');
    const newer = next.lastReadingAt && (!status?.lastReadingAt || Date.parse(next.lastReadingAt) > Date.parse(status.lastReadingAt));
    showStatus(next);
    if (newer && window_ && typeof next.volumeL === 'number') {
      points.push({ ts: next.lastReadingAt, levelMm: next.levelMm, volumeL: next.volumeL });
      const to = new Date();
      window_ = { from: new Date(to.getTime() - RANGES[range]).toISOString(), to: to.toISOString() };
      const start = Date.parse(window_.from);
      points = points.filter((p) => Date.parse(p.ts) >= start);
      redraw();
    }
  });

  return {
    unmount() {
      sync.dispose();
      chart.dispose();
      off();
    },
  };
}
