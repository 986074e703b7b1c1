// Who was told of an alert, on the alert card: "SMS to Amina 02:14 ✓, email to Omar 02:29 retrying".
// One line per card, from GET api/alerts/{id}/notifications, times in the camp's zone; hidden while
// nobody was notified (or notifications are not configured). It asks again when the alert changes,
// and while a delivery is still waiting or retrying. A failed request leaves the line as it was: the
// card never breaks over it.

import { getNotifications } from '../api.js';
import { setAttr, setText } from '../dom.js';
import { clock } from '../format.js';

// Every English word of this component, in one place.
const WORDS = {
  label: 'Notified:',
  channel: { sms: 'SMS', email: 'email', webhook: 'webhook' },
  to: (channel, who) => `${channel} to ${who}`,
  status: { sent: '✓', retrying: 'retrying', failed: 'failed', queued: 'waiting' },
  statusTitle: { sent: 'delivered', retrying: 'not delivered yet, trying again', failed: 'not delivered: given up after a day', queued: 'not sent yet' },
  attempts: (n) => `${n} ${n === 1 ? 'attempt' : 'attempts'}`,
  separator: ', ',
};

/** While something is still on its way, the line is asked for again this often. */
const REFRESH_MS = 15_000;

/** One entry as people read it, and its longer explanation for the tooltip. */
function describe(entry, zone) {
  const channel = WORDS.channel[entry.channelKind] ?? entry.channel;
  const time = clock(entry.sentAt ?? entry.lastAttemptAt ?? entry.at, zone);
  const status = WORDS.status[entry.status] ?? entry.status;
  const title = [WORDS.statusTitle[entry.status] ?? entry.status, entry.attempts > 0 ? WORDS.attempts(entry.attempts) : '', entry.lastError ?? '']
    .filter(Boolean).join(' · ');
  return { text: `${WORDS.to(channel, entry.recipient)} ${time} ${status}`, title };
}

export function createDeliveryLog() {
  const el = document.createElement('p');
  el.className = 'alert-deliveries';
  el.hidden = true;
  let alertId = null;
  let zone = null;
  let timer = null;
  let asking = false;

  function render(entries) {
    const spans = entries.map((entry, i) => {
      const { text, title } = describe(entry, zone);
      const span = document.createElement('span');
      span.className = `delivery delivery-${entry.status}`;
      span.dataset.status = entry.status;
      span.title = title;
      span.textContent = i < entries.length - 1 ? text + WORDS.separator : text;
      return span;
    });
    const label = document.createElement('span');
    label.className = 'muted';
    label.textContent = `${WORDS.label} `;
    el.replaceChildren(label, ...spans);
    setAttr(el, 'hidden', entries.length === 0);
  }

  async function ask() {
    clearTimeout(timer);
    timer = null;
    if (!alertId || asking) return;
    asking = true;
    const asked = alertId;
    try {
      const entries = await getNotifications(asked);
      if (asked !== alertId || !Array.isArray(entries)) return;
      render(entries);
      if (entries.some((e) => e.status === 'queued' || e.status === 'retrying')) {
        timer = setTimeout(() => (el.isConnected ? ask() : null), REFRESH_MS);
      }
    } catch {
      // No connection, no right to read, an alert gone: keep what is shown.
    } finally {
      asking = false;
    }
  }

  return {
    el,
    /** @param {object} alert the Alert now @param {string|null} campZone the camp's time zone */
    update(alert, campZone) {
      const changed = alert.id !== alertId || campZone !== zone || el.dataset.key !== `${alert.state}|${alert.severity}|${alert.escalations}`;
      alertId = alert.id;
      zone = campZone;
      el.dataset.key = `${alert.state}|${alert.severity}|${alert.escalations}`;
      if (changed) ask();
    },
  };
}

export { WORDS as DELIVERY_WORDS };
