// A camp's page (#/camps/{campId}): the camp's figures and a tile per tank, kept live by watching
// that camp; its own settings, which engineers can change, and who changed the camp or its tanks.
// Times are in the camp's zone, named once in the header.

import * as api from '../api.js';
import * as live from '../live.js';
import { createCampFigures } from '../components/camp-figures.js';
import { createServicesPanel } from '../components/services-panel.js';
import { createCampForm } from '../components/camp-form.js';
import { createChangeList } from '../components/change-list.js';
import { createTankTile } from '../components/tank-tile.js';
import { createNetworkView } from '../components/network-view.js';
import { shortDate } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { counted, lpd, people, zoneName } from '../format.js';
import { t } from '../i18n.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const TEXT = {
  // "6,000 people from 20 Nov": the population in force today, and since when.
  peopleFrom: (peopleText, date) => t('camp.peopleFrom', { people: peopleText, date }),
};

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="nav.breadcrumb"><a href="#/"><span class="flip" aria-hidden="true">←</span> <span data-i18n="nav.allCamps"></span></a></nav>
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title"></h1>
    <p class="muted" data-slot="meta"></p>
    <p class="page-links"><a data-slot="alertsLink" data-i18n="nav.alerts"></a> <a data-slot="coverageLink" data-i18n="nav.coverage"></a></p>
  </header>
  <div data-slot="message"></div>
  <div data-slot="body" hidden>
    <section class="card" data-i18n-aria-label="camp.figures" data-slot="figures"></section>
    <section class="tanks" aria-labelledby="tanks-title">
      <h2 id="tanks-title" data-i18n="overview.tanks"></h2>
      <div class="tiles" data-slot="tiles"></div>
      <p class="muted" data-slot="noTanks" hidden data-i18n="overview.noTanks"></p>
    </section>
    <div data-slot="network"></div>
    <div data-slot="services"></div>
    <div class="camp-page-more">
      <section class="card" aria-labelledby="settings-title">
        <h2 id="settings-title" data-i18n="camp.settings"></h2>
        <p class="muted small" data-slot="settingsNote"></p>
        <div data-slot="form"></div>
      </section>
      <section class="card" aria-labelledby="changes-title">
        <h2 id="changes-title" data-i18n="changes.title"></h2>
        <div data-slot="changes"></div>
      </section>
    </div>
  </div>
</section>`);

export function mount(root, { campId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(campId);
  setText(s.title, campId);
  setAttr(s.alertsLink, 'href', `#/alerts/${encodeURIComponent(campId)}`);
  setAttr(s.coverageLink, 'href', `#/coverage/${encodeURIComponent(campId)}`);

  const figures = createCampFigures();
  s.figures.append(figures.el);
  const network = createNetworkView();
  s.network.append(network.el);
  const services = createServicesPanel({ campId });
  s.services.append(services.el);
  let zone = null; // the camp's time zone
  let config = null;
  let populationNow = null; // today's population: what the form shows and a save changes from today
  const withToday = (c) => (populationNow == null ? c : { ...c, population: populationNow });
  const editable = can('configure');
  setText(s.settingsNote, editable
    ? t('camp.settingsNote')
    : t('camp.settingsReadOnly'));
  const form = createCampForm({
    editable,
    async save(body) {
      showCamp(await api.putCampConfig(campId, body));
      config = withToday(await api.getCampConfig(campId));
      form.fill(config);
      loadChanges().catch(() => {});
    },
  });
  s.form.append(form.el);
  const changes = createChangeList({ tankName: (id) => tiles.get(id)?.name ?? id });
  s.changes.append(changes.el);

  async function loadChanges(signal) {
    changes.show(await api.getChanges(campId, {}, { signal }), zone);
  }
  const tiles = new Map(); // tankId -> tile
  const message = pageMessage(s.message);
  message.loading(t('camp.loading'));

  function showCamp(camp) {
    setText(s.title, camp.name || camp.campId);
    app.setTitle(camp.name || camp.campId);
    zone = camp.timeZone ?? zone;
    populationNow = camp.population ?? populationNow;
    const who = camp.populationFrom ? TEXT.peopleFrom(people(camp.population), shortDate(camp.populationFrom)) : people(camp.population);
    if (camp.network) network.update(camp.network);
    setText(s.meta, [who, counted('fmt.tanks', camp.tankCount),
      t('camp.target', { target: lpd(camp.targetLpd) }), t('page.timesIn', { zone: zoneName(zone) })].join(' · '));
    figures.update(camp);
    services.summary(camp);
  }

  function showTank(tank) {
    let tile = tiles.get(tank.tankId);
    if (!tile) {
      tile = createTankTile();
      tiles.set(tank.tankId, tile);
      s.tiles.append(tile.el);
    }
    tile.update(tank, zone);
    tile.name = tank.name || tank.tankId;
    setAttr(s.noTanks, 'hidden', true);
  }

  const sync = syncView({
    group: campId,
    async load(signal, startedAt) {
      const [camp, nextConfig] = await Promise.all([api.getCamp(campId, { signal }), api.getCampConfig(campId, { signal })]);
      if (sync.snapshotWins('camp', startedAt)) showCamp(camp);
      zone = camp.timeZone ?? zone;
      app.setZone(zone);
      const shown = withToday(nextConfig);
      if (!config || JSON.stringify(config) !== JSON.stringify(shown)) {
        config = shown;
        form.update(config);
      }
      const tanks = camp.tanks ?? [];
      for (const tank of tanks) {
        if (sync.snapshotWins(tank.tankId, startedAt)) showTank(tank);
      }
      const ids = new Set(tanks.map((t) => t.tankId));
      for (const [id, tile] of tiles) {
        if (!ids.has(id)) {
          tile.el.remove();
          tiles.delete(id);
        }
      }
      s.tiles.append(...tanks.map((t) => tiles.get(t.tankId).el));
      setAttr(s.noTanks, 'hidden', tanks.length > 0);
      await loadChanges(signal);
      setAttr(s.body, 'hidden', false);
      message.clear();
      services.refresh();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      if (err.notFound) {
        setText(s.title, t('camp.notFound'));
        app.setTitle(t('camp.notFound'));
        setAttr(s.body, 'hidden', true);
        message.info(t('camp.notFound.text', { id: campId }), t('camp.notFound.detail'));
        return false;
      }
      message.error(tiles.size ? t('camp.refreshFailed') : t('camp.loadFailed'),
        err, () => sync.reload());
      return true;
    },
  });

  const off = [
    live.on('campUpdated', (camp) => {
      if (camp.campId !== campId) return;
      sync.touched('camp');
      showCamp(camp);
    }),
    // Tests and tap counts that change an alert change what the services show.
    live.on('alertChanged', (alert) => {
      if (alert.campId === campId) services.refreshSoon();
    }),
    live.on('tankUpdated', (tank) => {
      if (tank.campId !== campId) return;
      sync.touched(tank.tankId);
      showTank(tank);
    }),
  ];

  return {
    unmount() {
      sync.dispose();
      services.dispose();
      for (const stop of off) stop();
    },
  };
}
