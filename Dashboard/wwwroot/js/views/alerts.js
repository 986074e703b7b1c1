// The alert inbox (#/alerts, or #/alerts/{campId} for one camp): open alerts, critical first and
// newest first, kept live by the hub. After any reconnection the list is fetched again (sync.js),
// so an alert raised or changed while the phone was off the network is never missing. Each card
// names its tank and shows the tank's figure now, from the camp details fetched once and kept live by
// the tank updates that the watched group brings anyway. Times are in each camp's zone, named once.

import * as api from '../api.js';
import * as live from '../live.js';
import * as outbox from '../outbox.js';
import { alertMessage, createAlertCard, SEVERITIES } from '../components/alert-card.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { number, zoneName } from '../format.js';
import { can, session } from '../session.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const makePage = template(`
<section class="page page-inbox" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title" data-i18n="inbox.alerts"></h1>
    <p class="muted" data-slot="summary"></p>
    <p class="muted small page-zone" data-slot="zones"></p>
  </header>
  <p class="visually-hidden" role="status" aria-live="polite" data-slot="announce"></p>
  <div data-slot="message"></div>
  <ul class="alert-list" data-i18n-aria-label="inbox.openAlerts" data-slot="list"></ul>
  <p class="empty" data-slot="empty" hidden><span aria-hidden="true">✓</span> <span data-i18n="inbox.empty"></span></p>
</section>`);

function order(a, b) {
  const rank = (x) => SEVERITIES[x.severity]?.rank ?? 9;
  return rank(a) - rank(b) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || (a.id < b.id ? 1 : -1);
}

export function mount(root, { campId } = {}, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle(t('inbox.alerts'));
  const message = pageMessage(s.message);
  message.loading(t('inbox.loading'));

  const cards = new Map(); // alertId -> card
  const camps = new Map(); // campId -> CampSummary
  const tanks = new Map(); // "camp/tank" -> TankStatus
  const detailed = new Set(); // camps whose tanks were fetched
  const campName = (id) => camps.get(id)?.name || id;
  const canAct = can('act');
  const whereIs = (alert) => {
    const tank = alert.tankId ? tanks.get(`${alert.campId}/${alert.tankId}`) ?? null : null;
    return {
      campName: campName(alert.campId),
      tankName: tank?.name || null,
      tank,
      camp: camps.get(alert.campId) ?? null,
      zone: camps.get(alert.campId)?.timeZone ?? null,
    };
  };

  /** The tanks of the camps that have tank alerts, for their names and figures now. */
  async function loadTanks(campIds, signal) {
    await Promise.all([...campIds].filter((id) => !detailed.has(id)).map(async (id) => {
      detailed.add(id);
      const detail = await api.getCamp(id, { signal }).catch(() => {
        detailed.delete(id);
        return null;
      });
      for (const tank of detail?.tanks ?? []) tanks.set(`${id}/${tank.tankId}`, tank);
    }));
  }

  function refreshCards(match) {
    for (const card of cards.values()) {
      if (match(card.alert)) card.update(card.alert, canAct);
    }
  }

  function showZones() {
    const shown = [...new Set([...cards.values()].map((c) => c.alert.campId))].map((id) => camps.get(id)).filter(Boolean);
    const zones = [...new Set(shown.map((c) => c.timeZone))];
    setText(s.zones, zones.length === 1 ? t('inbox.timesIn', { zone: zoneName(zones[0]) })
      : zones.length > 1 ? t('inbox.timesInEach', { zones: shown.map((c) => `${c.name} ${zoneName(c.timeZone)}`).join(' · ') }) : '');
  }

  async function act(alertId, kind, body) {
    let updated;
    try {
      updated = await api.actOnAlert(alertId, kind, body);
    } catch (err) {
      if (!err.queued) throw err;
      // No network: the action waits in the outbox; the card shows it done, and waiting to be sent.
      updated = asIfSent(cards.get(alertId)?.alert, kind, body);
      if (!updated) return null;
    }
    sync.touched(alertId);
    show(updated);
    return null;
  }

  /** The alert as it will be once a queued action is sent, marked as waiting. */
  function asIfSent(alert, kind, body) {
    if (!alert) return null;
    const me = session().name ?? t('card.someone');
    const at = new Date().toISOString();
    const waiting = [...(alert.waiting ?? []), kind];
    switch (kind) {
      case 'acknowledge':
        return { ...alert, state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: me, waiting };
      case 'assign':
        return { ...alert, assignee: body.assignee, waiting };
      case 'comments':
        return { ...alert, comments: [...(alert.comments ?? []), { at, by: me, text: body.text }], waiting };
      default:
        return { ...alert, state: 'resolved', resolvedAt: at, resolvedBy: me, waiting };
    }
  }

  // Once the outbox has been sent, the server's state is the truth again.
  const onSent = () => sync.reload();
  window.addEventListener('campwater:sent', onSent);

  function summarize() {
    const counts = { critical: 0, warning: 0, info: 0 };
    for (const card of cards.values()) counts[card.alert.severity] = (counts[card.alert.severity] ?? 0) + 1;
    const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => t(`figures.chip.${k}`, { count: n, n: number(n) }));
    setText(s.summary, cards.size ? `${parts.join(' · ')}${campId ? ` · ${campName(campId)}` : ''}` : campId ? campName(campId) : '');
    setAttr(s.empty, 'hidden', cards.size > 0);
    setText(s.title, campId ? t('inbox.alertsOf', { camp: campName(campId) }) : t('inbox.alerts'));
    showZones();
  }

  function place() {
    const sorted = [...cards.values()].sort((a, b) => order(a.alert, b.alert));
    sorted.forEach((card, i) => {
      if (s.list.children[i] !== card.el) s.list.insertBefore(card.el, s.list.children[i] ?? null);
    });
  }

  /** Adds, changes or (when resolved) removes one alert. */
  function show(alert) {
    if (campId && alert.campId !== campId) return;
    let card = cards.get(alert.id);
    if (alert.state === 'resolved') {
      if (card) {
        card.el.remove();
        cards.delete(alert.id);
        setText(s.announce, t('inbox.resolvedAnnounce', { message: alertMessage(card.alert) }));
        summarize();
      }
      return;
    }
    if (!card) {
      card = createAlertCard({ act, me: session, place: whereIs });
      cards.set(alert.id, card);
      if (alert.severity === 'critical') setText(s.announce, t('inbox.newCritical', { message: alertMessage(alert) }));
      if (alert.tankId && !detailed.has(alert.campId)) {
        loadTanks([alert.campId], sync.signal).then(() => refreshCards((a) => a.campId === alert.campId));
      }
    }
    const before = card.alert;
    card.update(alert, canAct);
    if (!before || before.severity !== alert.severity) place();
    summarize();
  }

  const sync = syncView({
    group: campId ?? '*',
    async load(signal, startedAt) {
      const [alerts, summaries] = await Promise.all([
        api.getAlerts({ campId }, { signal }),
        api.getCamps({ signal }).catch(() => null),
      ]);
      for (const c of summaries ?? []) camps.set(c.campId, c);
      detailed.clear(); // after a reconnection the tanks' figures may be old: fetch them again
      await loadTanks(new Set(alerts.filter((a) => a.tankId).map((a) => a.campId)), signal);
      const ids = new Set(alerts.map((a) => a.id));
      for (const [id, card] of cards) {
        if (!ids.has(id) && sync.snapshotWins(id, startedAt)) {
          card.el.remove();
          cards.delete(id);
        }
      }
      // What this phone did offline and has not sent yet stays shown as done and waiting, over the kept figures.
      const waiting = await outbox.pending().catch(() => []);
      for (const fetched of alerts) {
        const alert = waiting.filter((e) => e.alertId === fetched.id)
          .reduce((a, e) => asIfSent(a, e.label, e.body) ?? a, fetched);
        if (sync.snapshotWins(alert.id, startedAt)) show(alert);
      }
      for (const card of cards.values()) card.update(card.alert, canAct); // names and figures may have arrived
      place();
      summarize();
      message.clear();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      message.error(cards.size ? t('inbox.refreshFailed') : t('inbox.loadFailed'), err, () => sync.reload());
      return true;
    },
  });

  const off = [
    live.on('alertChanged', (alert) => {
      sync.touched(alert.id);
      show(alert);
    }),
    live.on('tankUpdated', (tank) => {
      const key = `${tank.campId}/${tank.tankId}`;
      if (!tanks.has(key) && !detailed.has(tank.campId)) return;
      tanks.set(key, tank);
      refreshCards((a) => a.campId === tank.campId && a.tankId === tank.tankId);
    }),
    live.on('campUpdated', (camp) => {
      camps.set(camp.campId, camp);
      refreshCards((a) => a.campId === camp.campId && !a.tankId);
    }),
  ];

  return {
    unmount() {
      sync.dispose();
      window.removeEventListener('campwater:sent', onSent);
      for (const stop of off) stop();
    },
  };
}
