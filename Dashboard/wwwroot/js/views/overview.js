// The overview (#/): one card per camp with its figures and a compact row per tank, kept live by
// watching every camp ("*").

import * as api from '../api.js';
import * as live from '../live.js';
import { createCampFigures } from '../components/camp-figures.js';
import { createTankRow } from '../components/tank-row.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { counted, number, people, tankState } from '../format.js';
import { t } from '../i18n.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const DETAIL_CONCURRENCY = 4; // camp details fetched at once: enough to be quick, few enough for a weak link
const NEEDS_ATTENTION = new Set(['low', 'critical', 'overflow', 'offline', 'fault']);

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-i18n="overview.title"></h1>
    <p class="muted" data-slot="summary"></p>
  </header>
  <div data-slot="message"></div>
  <div class="cards" data-slot="cards"></div>
</section>`);

const makeCard = template(`
<article class="card camp-card">
  <header class="card-head">
    <h2 class="card-title"><a data-slot="link"></a></h2>
    <p class="muted" data-slot="meta"></p>
  </header>
  <div data-slot="figures"></div>
  <div class="card-tanks">
    <ul class="tank-rows" data-i18n-aria-label="overview.tanks" data-slot="tanks"></ul>
    <p class="muted small" data-slot="tanksMessage" hidden></p>
  </div>
</article>`);

function createCampCard() {
  const el = makeCard();
  const s = slots(el);
  const figures = createCampFigures();
  s.figures.replaceWith(figures.el);
  const rows = new Map(); // tankId -> row
  const states = new Map(); // tankId -> state, for the page summary
  let zone = null; // the camp's time zone

  return {
    el,
    rows,
    states,
    update(camp) {
      setAttr(s.link, 'href', `#/camps/${encodeURIComponent(camp.campId)}`);
      setText(s.link, camp.name || camp.campId);
      const tanks = counted('fmt.tanks', camp.tankCount);
      setText(s.meta, `${people(camp.population)} · ${tanks}`);
      zone = camp.timeZone ?? zone;
      figures.update(camp);
    },
    updateTank(tank) {
      let row = rows.get(tank.tankId);
      if (!row) {
        row = createTankRow();
        rows.set(tank.tankId, row);
        s.tanks.append(row.el);
      }
      row.update(tank, zone);
      states.set(tank.tankId, tankState(tank.state));
    },
    /** Puts the rows in the order the server lists the tanks and drops tanks that are gone. */
    order(tankIds) {
      for (const [id, row] of rows) {
        if (!tankIds.includes(id)) {
          row.el.remove();
          rows.delete(id);
          states.delete(id);
        }
      }
      s.tanks.append(...tankIds.filter((id) => rows.has(id)).map((id) => rows.get(id).el));
    },
    tanksMessage(text) {
      setText(s.tanksMessage, text);
      setAttr(s.tanksMessage, 'hidden', text === '');
    },
  };
}

/** Runs tasks with at most `limit` at a time. */
async function inBatches(tasks, limit) {
  const queue = [...tasks];
  const worker = async () => {
    while (queue.length) await queue.shift()();
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

export function mount(root, _params, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(t('overview.title'));

  const cards = new Map(); // campId -> card
  const message = pageMessage(s.message);
  message.loading(t('overview.loading'));

  function summarize() {
    let tanks = 0;
    let attention = 0;
    for (const card of cards.values()) {
      for (const state of card.states.values()) {
        tanks += 1;
        if (NEEDS_ATTENTION.has(state)) attention += 1;
      }
    }
    const parts = [counted('fmt.camps', cards.size)];
    if (tanks) parts.push(counted('fmt.tanks', tanks));
    if (tanks) parts.push(attention ? t('overview.attention', { count: attention, n: number(attention) }) : t('overview.allOk'));
    setText(s.summary, parts.join(' · '));
  }

  function cardFor(camp) {
    let card = cards.get(camp.campId);
    if (!card) {
      card = createCampCard();
      cards.set(camp.campId, card);
      s.cards.append(card.el);
    }
    return card;
  }

  async function loadTanks(campId, signal, startedAt) {
    const card = cards.get(campId);
    try {
      const detail = await api.getCamp(campId, { signal });
      for (const tank of detail.tanks ?? []) {
        if (sync.snapshotWins(`${campId}/${tank.tankId}`, startedAt)) card.updateTank(tank);
      }
      card.order((detail.tanks ?? []).map((t) => t.tankId));
      card.tanksMessage(detail.tanks?.length ? '' : t('overview.noTanks'));
    } catch (err) {
      if (signal.aborted) throw err;
      card.tanksMessage(t('overview.tanksFailed', { why: err.message }));
      throw err;
    }
  }

  const sync = syncView({
    group: '*',
    async load(signal, startedAt) {
      const camps = await api.getCamps({ signal });
      const ids = new Set(camps.map((c) => c.campId));
      for (const [id, card] of cards) {
        if (!ids.has(id)) {
          card.el.remove();
          cards.delete(id);
        }
      }
      for (const camp of camps) {
        const card = cardFor(camp);
        if (sync.snapshotWins(camp.campId, startedAt)) card.update(camp);
      }
      s.cards.append(...camps.map((c) => cards.get(c.campId).el));
      message.clear();
      if (camps.length === 0) message.info(t('overview.noCamps'));
      summarize();

      // One request per camp for its tanks: the contract's camp list carries no tanks.
      const failures = [];
      await inBatches(camps.map((c) => () => loadTanks(c.campId, signal, startedAt).catch((e) => {
        if (signal.aborted) throw e;
        failures.push(e);
      })), DETAIL_CONCURRENCY);
      summarize();
      if (failures.length) throw failures[0];
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      if (cards.size === 0) message.error(t('overview.loadFailed'), err, () => sync.reload());
      else message.error(t('overview.refreshFailed'), err, () => sync.reload());
      return true;
    },
  });

  const off = [
    live.on('campUpdated', (camp) => {
      if (!cards.has(camp.campId)) {
        sync.reload(); // a camp we have not seen: fetch it with its tanks
        return;
      }
      sync.touched(camp.campId);
      cards.get(camp.campId).update(camp);
    }),
    live.on('tankUpdated', (tank) => {
      const card = cards.get(tank.campId);
      if (!card) return;
      sync.touched(`${tank.campId}/${tank.tankId}`);
      const before = card.states.get(tank.tankId);
      card.updateTank(tank);
      card.tanksMessage('');
      if (card.states.get(tank.tankId) !== before) summarize();
    }),
  ];

  return {
    unmount() {
      sync.dispose();
      for (const stop of off) stop();
    },
  };
}
