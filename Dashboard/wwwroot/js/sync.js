// Keeping a view in step with the server: one snapshot by fetch, then live messages from the hub.
//
// The view first waits briefly for the hub to watch its group, so that the snapshot it fetches
// already follows the Watch and nothing falls between the two. Whenever the group is watched again
// after the snapshot was taken (a reconnect, or a hub that came up late), the view fetches again:
// messages sent while the connection was down are lost. A failed fetch is retried by itself, so an
// unattended screen comes back without anyone pressing a key.

import * as live from './live.js';

const WAIT_FOR_HUB_MS = 1_500;
const RETRY_AFTER_ERROR_MS = 15_000;

/**
 * @param {object} options
 * @param {string} options.group  hub group to watch: "*" or a camp id
 * @param {(signal: AbortSignal, startedAt: number) => Promise<void>} options.load  fetch and apply a snapshot
 * @param {() => void} options.onLoaded  after a snapshot was applied
 * @param {(error: Error) => boolean} options.onError  show the error; return true to retry later
 */
export function syncView({ group, load, onLoaded, onError }) {
  const controller = new AbortController();
  const watch = live.watch(group);
  const liveAt = new Map(); // key -> when a live message last changed it
  let lastStart = 0;
  let running = null;
  let again = false;
  let retryTimer = 0;

  async function reload() {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(retryTimer);
    lastStart = Date.now();
    running = load(controller.signal, lastStart);
    try {
      await running;
      onLoaded();
    } catch (err) {
      if (controller.signal.aborted) return;
      if (onError(err)) retryTimer = setTimeout(reload, RETRY_AFTER_ERROR_MS);
    } finally {
      running = null;
      if (again && !controller.signal.aborted) {
        again = false;
        reload();
      }
    }
  }

  const offWatched = live.on('watched', (e) => {
    if (e.group === group && lastStart > 0 && e.at > lastStart) reload();
  });
  watch.ready(WAIT_FOR_HUB_MS).then(reload);

  return {
    reload,
    /** Call when a live message changes the thing named by key. */
    touched(key) {
      liveAt.set(key, Date.now());
    },
    /** False when a live message changed key after the snapshot was asked for: the message is newer. */
    snapshotWins(key, startedAt) {
      return !((liveAt.get(key) ?? 0) > startedAt);
    },
    get signal() {
      return controller.signal;
    },
    dispose() {
      controller.abort();
      clearTimeout(retryTimer);
      offWatched();
      watch.release();
    },
  };
}
