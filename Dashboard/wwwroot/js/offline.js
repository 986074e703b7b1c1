// Working without a network: registers the service worker (sw.js), knows whether the figures on screen came
// from its cache and since when, warms the cache with what the page has read once the worker controls the
// page, and sends the outbox (outbox.js) whenever the network may be back. A service worker needs HTTPS or
// localhost; elsewhere the page works as before, online only.

import * as outbox from './outbox.js';

const listeners = new Set();
const seen = new Set(['api/session']); // the API paths this page has read, to keep in the worker's cache
let state = { cached: false, dataAt: null, pending: 0, refused: [] };
let describeRefusal = null;

export const current = () => state;

export function on(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next) {
  state = { ...state, ...next };
  for (const listener of [...listeners]) listener(state);
}

/** api.js tells of every answer: from the worker's cache (offline) or from the server. */
export function noteResponse(path, response) {
  if (response.headers.get('X-CampWater-Offline')) {
    const at = Date.parse(response.headers.get('X-CampWater-Cached-At') ?? '');
    set({ cached: true, dataAt: Number.isNaN(at) ? state.dataAt : Math.min(at, state.dataAt ?? at) });
  } else {
    seen.add(path);
    if (state.cached) set({ cached: false, dataAt: null });
  }
}

async function refreshQueue() {
  try {
    set({ pending: (await outbox.pending()).length, refused: await outbox.refused() });
  } catch {
    // no IndexedDB (a private window in some browsers): nothing can be queued, nothing to show
  }
}

/** Sends what waits; afterwards the views fetch again (the server's state now includes it). */
export async function flush() {
  if (!navigator.onLine) return 0;
  const sent = await outbox.flush(describeRefusal).catch(() => 0);
  await refreshQueue();
  if (sent > 0) window.dispatchEvent(new CustomEvent('campwater:sent', { detail: { sent } }));
  return sent;
}

/**
 * Starts offline support. describe(entry, problem, status) words a refusal for the person
 * ("already resolved by Amina"); the outbox keeps it until they dismiss it.
 */
export function start({ describe } = {}) {
  describeRefusal = describe ?? null;
  outbox.onChange(refreshQueue);
  refreshQueue();
  window.addEventListener('online', () => flush());
  setInterval(() => flush(), 30_000);
  if (!('serviceWorker' in navigator)) return;
  const warm = async () => {
    // Answers read before the worker took over were not kept: read them again through it.
    await Promise.all([...seen].map((path) => fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' }).then((r) => r.arrayBuffer()).catch(() => {})));
    document.documentElement.dataset.offlineReady = 'true';
  };
  navigator.serviceWorker.addEventListener('controllerchange', warm);
  navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.ready).then(() => {
    if (navigator.serviceWorker.controller) warm();
  }).catch((err) => console.warn('offline: the service worker could not be registered', err));
}
