// The alert inbox (#/alerts, or #/alerts/{campId} for one camp): open alerts, critical first and
// newest first, kept live by the hub. After any reconnection the list is fetched again (sync.js),
// so an alert raised or changed while the phone was off the network is never missing.

import * as api from '../api.js';
import * as live from '../live.js';
import { createAlertCard, SEVERITIES } from '../components/alert-card.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { number } from '../format.js';
import { can, session } from '../session.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const makePage = template(`
<section class="page page-inbox" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title">Alerts</h1>
    <p class="muted" data-slot="summary"></p>
  </header>
  <p class="visually-hidden" role="status" aria-live="polite" data-slot="announce"></p>
  <div data-slot="message"></div>
  <ul class="alert-list" aria-label="Open alerts" data-slot="list"></ul>
  <p class="empty" data-slot="empty" hidden><span aria-hidden="true">✓</span> No open alerts.</p>
</section>`);

function order(a, b) {
  const rank = (x) => SEVERITIES[x.severity]?.rank ?? 9;
  return rank(a) - rank(b) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || (a.id < b.id ? 1 : -1);
}

export function mount(root, { campId } = {}, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  app.setTitle('Alerts');
  const message = pageMessage(s.message);
  message.loading('Loading alerts…');

  const cards = new Map(); // alertId -> card
  const campNames = new Map();
  const campName = (id) => campNames.get(id) ?? id;
  const canAct = can('act');

  async function act(alertId, kind, body) {
    const updated = await api.actOnAlert(alertId, kind, body);
    sync.touched(alertId);
    show(updated);
    return null;
  }

  function summarize() {
    const counts = { critical: 0, warning: 0, info: 0 };
    for (const card of cards.values()) counts[card.alert.severity] = (counts[card.alert.severity] ?? 0) + 1;
    const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${number(n)} ${k}`);
    setText(s.summary, cards.size ? `${parts.join(' · ')}${campId ? ` · ${campName(campId)}` : ''}` : campId ? campName(campId) : '');
    setAttr(s.empty, 'hidden', cards.size > 0);
    setText(s.title, campId ? `Alerts · ${campName(campId)}` : 'Alerts');
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
        setText(s.announce, `Resolved: ${card.alert.message ?? alert.kind}`);
        summarize();
      }
      return;
    }
    if (!card) {
      card = createAlertCard({ act, me: session, campName });
      cards.set(alert.id, card);
      if (alert.severity === 'critical') setText(s.announce, `New critical alert: ${alert.message ?? alert.kind}`);
    }
    const before = card.alert;
    card.update(alert, canAct);
    if (!before || before.severity !== alert.severity) place();
    summarize();
  }

  const sync = syncView({
    group: campId ?? '*',
    async load(signal, startedAt) {
      const [alerts, camps] = await Promise.all([
        api.getAlerts({ campId }, { signal }),
        campNames.size ? Promise.resolve(null) : api.getCamps({ signal }).catch(() => null),
      ]);
      for (const c of camps ?? []) campNames.set(c.campId, c.name || c.campId);
      const ids = new Set(alerts.map((a) => a.id));
      for (const [id, card] of cards) {
        if (!ids.has(id) && sync.snapshotWins(id, startedAt)) {
          card.el.remove();
          cards.delete(id);
        }
      }
      for (const alert of alerts) {
        if (sync.snapshotWins(alert.id, startedAt)) show(alert);
      }
      for (const card of cards.values()) card.update(card.alert, canAct); // camp names may have arrived
      place();
      summarize();
      message.clear();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      message.error(cards.size ? 'The alerts could not be refreshed.' : 'The alerts could not be loaded.', err, () => sync.reload());
      return true;
    },
  });

  const off = live.on('alertChanged', (alert) => {
    sync.touched(alert.id);
    show(alert);
  });

  return {
    unmount() {
      sync.dispose();
      off();
    },
  };
}
