// The line under the header about the outbox: what waits to be sent, and each change the server refused,
// worded for the person ("Not done: acknowledge — already resolved by Amina") until they have read it.

import { setAttr } from './dom.js';
import { number } from './format.js';
import { t } from './i18n.js';
import * as outbox from './outbox.js';

// What waits to be sent, and what the server refused (shown until the person has read it).
const queueBox = document.getElementById('outbox');

/** Shows the outbox's state (offline.current()). */
export function showQueue(away) {
  const key = `${away.pending}|${away.refused.map((r) => r.id).join(',')}`;
  if (queueBox.dataset.key === key) return;
  queueBox.dataset.key = key;
  const items = away.refused.map((entry) => {
    const li = document.createElement('li');
    li.className = 'outbox-refused';
    li.setAttribute('role', 'alert');
    const text = document.createElement('span');
    text.textContent = t('offline.refused', { action: t(`offline.action.${entry.label}`), why: entry.why });
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'button button-quiet';
    ok.textContent = t('offline.dismiss');
    ok.addEventListener('click', () => outbox.dismiss(entry.id));
    li.append(text, ' ', ok);
    return li;
  });
  if (away.pending && !away.cached) {
    const li = document.createElement('li');
    li.textContent = t('offline.waiting', { count: away.pending, n: number(away.pending) });
    items.unshift(li);
  }
  queueBox.replaceChildren(...items);
  setAttr(queueBox, 'hidden', items.length === 0);
}

/** A refused change in the person's words: who resolved or acknowledged the alert meanwhile. */
export async function describeRefusal(entry, problem, status) {
  if (entry.label === 'voucher') {
    const args = { voucherNo: entry.body?.voucherNo ?? '', contractor: entry.body?.contractor ?? '' };
    return t(status === 409 ? 'voucher.refusedDuplicate' : 'voucher.refusedInvalid', args);
  }
  // A field entry no longer valid: the server's reasons, worded in the page's language (Accept-Language).
  if (status === 400 && problem.errors) return Object.values(problem.errors).flat().join('; ') || null;
  if (!entry.alertId || status !== 409) return null;
  try {
    const response = await fetch(`api/alerts/${encodeURIComponent(entry.alertId)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const alert = response.ok ? await response.json() : null;
    if (alert?.state === 'resolved') return t('offline.why.resolved', { name: alert.resolvedBy ?? t('card.someone') });
    if (alert?.acknowledgedBy) return t('offline.why.acknowledged', { name: alert.acknowledgedBy });
  } catch {
    // the reason the server gave, then
  }
  return problem.detail ?? null;
}
