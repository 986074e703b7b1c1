// The live hub (docs/api.md): one SignalR connection for the whole page, shared by every view.
//
// Views watch a group ("*" or a camp id) and listen for events; this module keeps the groups
// watched across reconnects. After any (re)connection it Watches every group again and emits
// "watched"; a view whose data was fetched before that moment fetches again, since messages
// sent while the connection was down are lost. Nothing here polls.
//
// Events: "status" {state, since, retryAt, lastLiveAt}, "watched" {group, at},
//         "tankUpdated" TankStatus, "campUpdated" CampSummary, "alertChanged" Alert.
// States: "connecting" (first attempt), "live", "reconnecting", "offline" (waiting to retry).

import { goToLogin } from './session.js';

const HUB_PATH = 'hubs/live';
const CLIENT_SCRIPT = 'lib/signalr/signalr.min.js';
const SERVER_EVENTS = ['tankUpdated', 'campUpdated', 'alertChanged'];

// Never give up: a camp's network may be down for hours, and the page must come back by itself.
const RETRY_DELAYS_MS = [0, 2_000, 5_000, 10_000, 20_000, 30_000];
const retryDelay = (attempt) => {
  const base = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
  return base + Math.round(Math.random() * base * 0.2); // jitter, so a camp's phones do not all return at once
};

const listeners = new Map(); // event -> Set<handler>
const watchCounts = new Map(); // group -> number of views watching it
const watching = new Set(); // groups Watched on the current connection

let connection = null;
let attempts = 0;
let retryTimer = 0;
let status = { state: 'connecting', since: Date.now(), retryAt: null, lastLiveAt: null };

export function on(event, handler) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(handler);
  return () => listeners.get(event)?.delete(handler);
}

function emit(event, payload) {
  for (const handler of [...(listeners.get(event) ?? [])]) {
    try {
      handler(payload);
    } catch (err) {
      console.error(`live: a "${event}" handler failed`, err);
    }
  }
}

export const currentStatus = () => status;

function setStatus(state, retryAt = null) {
  const now = Date.now();
  const lastLiveAt = state === 'live' || status.state === 'live' ? now : status.lastLiveAt;
  if (state === status.state && retryAt === status.retryAt) return;
  status = { state, since: state === status.state ? status.since : now, retryAt, lastLiveAt };
  emit('status', status);
}

const isConnected = () => connection?.state === 'Connected';

function invokeWatch(group) {
  connection.invoke('Watch', group).then(
    () => {
      watching.add(group);
      emit('watched', { group, at: Date.now() });
    },
    (err) => console.warn(`live: Watch(${group}) failed`, err),
  );
}

function watchAll() {
  watching.clear();
  for (const group of watchCounts.keys()) invokeWatch(group);
}

/**
 * Watch a group ("*" for every camp, or a camp id) until release() is called.
 * ready(ms) resolves true once the group is watched, or false when the hub is down or ms pass,
 * so that a view can wait briefly for the hub before its first fetch (and then fetch only once).
 */
export function watch(group) {
  const count = (watchCounts.get(group) ?? 0) + 1;
  watchCounts.set(group, count);
  if (count === 1 && isConnected()) invokeWatch(group);
  let released = false;
  return {
    ready(timeoutMs) {
      if (watching.has(group)) return Promise.resolve(true);
      if (status.state === 'offline') return Promise.resolve(false);
      return new Promise((resolve) => {
        const done = (value) => {
          clearTimeout(timer);
          offWatched();
          offStatus();
          resolve(value);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        const offWatched = on('watched', (e) => e.group === group && done(true));
        const offStatus = on('status', (s) => s.state === 'offline' && done(false));
      });
    },
    release() {
      if (released) return;
      released = true;
      const left = watchCounts.get(group) - 1;
      if (left > 0) {
        watchCounts.set(group, left);
        return;
      }
      watchCounts.delete(group);
      watching.delete(group);
      if (isConnected()) connection.invoke('Unwatch', group).catch(() => {});
    },
  };
}

let scriptPromise = null;
function loadClient() {
  if (window.signalR) return Promise.resolve(window.signalR);
  scriptPromise ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CLIENT_SCRIPT;
    script.onload = () => resolve(window.signalR);
    script.onerror = () => {
      script.remove();
      scriptPromise = null; // try the download again next time
      reject(new Error('The live client could not be loaded.'));
    };
    document.head.append(script);
  });
  return scriptPromise;
}

function build(signalR) {
  const hub = new signalR.HubConnectionBuilder()
    .withUrl(HUB_PATH)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const event of SERVER_EVENTS) hub.on(event, (payload) => emit(event, payload));
  hub.onreconnecting(() => {
    watching.clear();
    setStatus('reconnecting');
  });
  hub.onreconnected(() => {
    setStatus('live');
    watchAll();
  });
  hub.onclose(() => {
    // Only when automatic reconnection ends (e.g. the server refused it): start over.
    watching.clear();
    scheduleStart();
  });
  return hub;
}

function scheduleStart() {
  clearTimeout(retryTimer);
  const delay = Math.max(retryDelay(attempts), 1_000);
  attempts += 1;
  setStatus('offline', Date.now() + delay);
  retryTimer = setTimeout(start, delay);
}

async function start() {
  clearTimeout(retryTimer);
  if (connection && connection.state !== 'Disconnected') return;
  setStatus(status.state === 'connecting' ? 'connecting' : 'reconnecting');
  try {
    const signalR = await loadClient();
    connection ??= build(signalR);
    await connection.start();
    attempts = 0;
    setStatus('live');
    watchAll();
  } catch (err) {
    if (err?.statusCode === 401) {
      goToLogin(); // the session ended while the page was open
      return;
    }
    console.warn('live: cannot connect to the hub', err?.message ?? err);
    scheduleStart();
  }
}

/** Connects now instead of waiting for the next retry. */
export function retryNow() {
  if (status.state === 'offline') start();
}

let started = false;
/** Opens the connection once; it then stays open, reconnecting by itself, for the page's life. */
export function connect() {
  if (started) return;
  started = true;
  window.addEventListener('online', retryNow);
  // The browser knows before the socket does (a dead link can take 30 s to notice): say so at once,
  // and start over cleanly when the network is back.
  window.addEventListener('offline', () => {
    setStatus('reconnecting');
    if (connection && connection.state !== 'Disconnected') connection.stop().catch(() => {});
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && retryNow());
  start();
}
