// What a person did while the network was down, kept in IndexedDB (so closing the page loses nothing) and sent
// in the order it was done when the network is back. Each entry is one change of the API: an action on an
// alert (acknowledge, assign, comment, resolve) or a field entry (a water test, a tap count, sanitation
// counts, a truck voucher). One the server refuses (409: the alert was resolved by someone else meanwhile; 400: the entry is
// no longer valid) is taken out of the queue and kept as refused, for the page to show to the person.
//
// Entry: { id, method, path, body, label, at, alertId? }; refused: the entry with { status, why, refusedAt }.

import { lang } from './i18n.js';
import { writeHeaders } from './session.js';

const DB = 'campwater';
const OUTBOX = 'outbox';
const REFUSED = 'refused';
const listeners = new Set();

let opening = null;
function db() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(OUTBOX, { keyPath: 'id', autoIncrement: true });
      request.result.createObjectStore(REFUSED, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

async function run(store, mode, work) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(store, mode);
    const result = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(result?.result ?? result);
    tx.onerror = () => reject(tx.error);
  });
}

const all = (store) => run(store, 'readonly', (s) => s.getAll());

function changed() {
  for (const listener of [...listeners]) listener();
}

/** Calls back whenever the queue or the refused list changes; returns the unsubscribe. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Queues a change to send later. */
export async function enqueue(entry) {
  await run(OUTBOX, 'readwrite', (s) => s.add({ ...entry, at: new Date().toISOString() }));
  changed();
}

/** What waits to be sent, oldest first. */
export const pending = () => all(OUTBOX);

/** What the server refused, for the person to see; dismiss(id) when they have read it. */
export const refused = () => all(REFUSED);

export async function dismiss(id) {
  await run(REFUSED, 'readwrite', (s) => s.delete(id));
  changed();
}

let flushing = null;

/**
 * Sends the queue in order. Stops at the first entry the network cannot take (still offline); an entry
 * the server refuses is moved to the refused list with the server's reason, and the next one is sent.
 * describe(entry, problem) may word the refusal (e.g. "already resolved by Amina"). Resolves to the number sent.
 */
export function flush(describe = null) {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const entry of await pending()) {
        let response;
        try {
          response = await fetch(entry.path, {
            method: entry.method,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang, ...writeHeaders() },
            body: JSON.stringify(entry.body ?? {}),
            cache: 'no-store',
          });
        } catch {
          break; // still no network: try again later, in the same order
        }
        if (response.status === 401 || response.status >= 500) break; // signed out, or the server is not itself: keep it
        if (!response.ok) {
          const problem = await response.json().catch(() => ({}));
          const why = (describe && (await describe(entry, problem, response.status))) || problem.detail || problem.title || `HTTP ${response.status}`;
          await run(REFUSED, 'readwrite', (s) => s.put({ ...entry, status: response.status, why, refusedAt: new Date().toISOString() }));
        } else {
          sent += 1;
        }
        await run(OUTBOX, 'readwrite', (s) => s.delete(entry.id));
        changed();
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}
