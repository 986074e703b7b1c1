// CampWater dashboard: boot, a tiny hash router, the header's live indicator, the notice that
// figures are not live, the banner slot and the clock that keeps "2 min ago" labels true.
//
// Routes: #/ overview; #/camps/{campId} a camp; #/camps/{campId}/tanks/{tankId} a tank;
// #/alerts the alert inbox (#/alerts/{campId} one camp's); #/coverage all camps for a month;
// #/coverage/{campId} one camp over a date range; #/camps/{campId}/map the camp map;
// #/camps/{campId}/points/{pointId} a water point; #/camps/{campId}/field[/{form}[/{tank|point}/{id}]]
// the field staff's entries; #/camps/{campId}/voucher[/{tankId}] a trucking voucher; #/contractors the
// trucking contractors' month. A view is a module with
// mount(root, params, app) -> { unmount() }; add a route here to add a page.
// The banner under the header is js/banner.js.

import { adopt, choose, digits, lang, t, translate } from './i18n.js';
import * as live from './live.js';
import * as offline from './offline.js';
import { describeRefusal, showQueue } from './outbox-notice.js';
import { age, clock, number } from './format.js';
import { setAttr, setText } from './dom.js';
import * as overview from './views/overview.js';
import * as camp from './views/camp.js';
import * as tank from './views/tank.js';
import * as alerts from './views/alerts.js';
import * as coverage from './views/coverage.js';
import * as campCoverage from './views/camp-coverage.js';
import * as campMap from './views/camp-map.js';
import * as point from './views/point.js';
import * as field from './views/field.js';
import * as voucher from './views/voucher.js';
import * as contractors from './views/contractors.js';
import * as notFound from './views/not-found.js';
import { showBanner } from './banner.js';
import { loadSession, session, writeHeaders } from './session.js';

const PRODUCT = 'CampWater';
const AGE_REFRESH_MS = 5_000;

const routes = [
  { path: /^\/$/, view: overview, nav: 'overview' },
  { path: /^\/camps\/([^/]+)$/, view: camp, nav: 'overview', params: ([campId]) => ({ campId }) },
  { path: /^\/camps\/([^/]+)\/tanks\/([^/]+)$/, view: tank, nav: 'overview', params: ([campId, tankId]) => ({ campId, tankId }) },
  { path: /^\/alerts$/, view: alerts, nav: 'alerts' },
  { path: /^\/alerts\/([^/]+)$/, view: alerts, nav: 'alerts', params: ([campId]) => ({ campId }) },
  { path: /^\/coverage$/, view: coverage, nav: 'coverage' },
  { path: /^\/coverage\/([^/]+)$/, view: campCoverage, nav: 'coverage', params: ([campId]) => ({ campId }) },
  { path: /^\/camps\/([^/]+)\/map$/, view: campMap, nav: 'overview', params: ([campId]) => ({ campId }) },
  { path: /^\/camps\/([^/]+)\/points\/([^/]+)$/, view: point, nav: 'overview', params: ([campId, pointId]) => ({ campId, pointId }) },
  {
    path: /^\/camps\/([^/]+)\/field(?:\/(quality|taps|sanitation)(?:\/(tank|point)\/([^/]+))?)?$/,
    view: field,
    nav: 'overview',
    params: ([campId, form, placeKind, placeId]) => ({ campId, form, placeKind, placeId }),
  },
  { path: /^\/camps\/([^/]+)\/voucher(?:\/([^/]+))?$/, view: voucher, nav: 'overview', params: ([campId, tankId]) => ({ campId, tankId }) },
  { path: /^\/contractors$/, view: contractors, nav: 'contractors' },
];

const main = document.getElementById('main');
let current = null; // { key, instance }
let lastFetchAt = 0;
let pageZone = null; // the time zone of the camp the page shows, if it shows one

/** What a view may ask of the page around it. */
const app = {
  setTitle(title) {
    document.title = title ? t('title.page', { title, product: PRODUCT }) : PRODUCT;
  },
  /** The camp's time zone, for the times the page around the view shows. */
  setZone(zone) {
    pageZone = zone ?? null;
  },
  /** A view got a complete snapshot from the server. */
  markFresh() {
    lastFetchAt = Date.now();
    showStaleNotice();
  },
};

function match(hash) {
  // A view reads its own query (#/coverage/atmeh-3?from=…); the route is the path before it.
  const path = (hash.replace(/^#/, '') || '/').split('?')[0] || '/';
  for (const route of routes) {
    const m = route.path.exec(path);
    if (m) {
      const raw = m.slice(1).map((part) => {
        if (part === undefined) return undefined; // an optional part that is not there
        try {
          return decodeURIComponent(part);
        } catch {
          return part;
        }
      });
      return { route, params: route.params ? route.params(raw) : {} };
    }
  }
  return { route: { view: notFound, nav: null }, params: { path } };
}

function navigate() {
  const hash = location.hash;
  // Only "#/..." is a route; other fragments (like the skip link's #main) move focus, not pages.
  if (current && hash && !hash.startsWith('#/')) return;
  const key = hash.startsWith('#/') ? hash : '#/';
  if (current?.key === key) return;
  const { route, params } = match(key);
  const first = current === null;
  current?.instance.unmount();
  pageZone = null;
  for (const link of document.querySelectorAll('[data-nav]')) {
    setAttr(link, 'aria-current', link.dataset.nav === route.nav ? 'page' : null);
  }
  current = { key, instance: route.view.mount(main, params, app) };
  if (!first) {
    // Tell screen-reader and keyboard users that the page changed: move focus to its heading.
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

// The header's indicator: is the screen live?
const statusEl = document.getElementById('live-status');
const statusText = statusEl.querySelector('.live-text');
const statusAnnounce = document.getElementById('live-announce'); // changes only with the state, so it is not read out every second
const retryButton = document.getElementById('live-retry');
retryButton.addEventListener('click', () => live.retryNow());

const ANNOUNCE = {
  live: t('live.announce.live'),
  connecting: t('live.announce.connecting'),
  reconnecting: t('live.announce.reconnecting'),
  offline: t('live.announce.offline'),
};

function describe(status) {
  switch (status.state) {
    case 'live':
      return t('live.live');
    case 'connecting':
      return t('live.connecting');
    case 'reconnecting':
      return t('live.reconnecting');
    default: {
      const s = Math.max(0, Math.ceil(((status.retryAt ?? 0) - Date.now()) / 1000));
      return s > 0 ? t('live.nextTry', { s: number(s) }) : t('live.reconnecting');
    }
  }
}

let countdown = 0;
function showStatus() {
  const status = live.currentStatus();
  setAttr(statusEl, 'data-state', status.state);
  setText(statusText, describe(status));
  setText(statusAnnounce, ANNOUNCE[status.state]);
  setAttr(retryButton, 'hidden', status.state !== 'offline');
  showStaleNotice();
  // While offline, count down to the next try every second.
  if (status.state === 'offline' && !countdown) {
    countdown = setInterval(showStatus, 1_000);
  } else if (status.state !== 'offline' && countdown) {
    clearInterval(countdown);
    countdown = 0;
  }
}

// Never a silently stale screen: while the hub is down, say so and say how old the figures are.
const notice = document.getElementById('stale-notice');
function showStaleNotice() {
  const status = live.currentStatus();
  const away = offline.current();
  showQueue(away);
  if (away.cached) {
    // The figures are the service worker's: say so plainly, and since when they are.
    setAttr(notice, 'hidden', false);
    setAttr(notice, 'data-kind', 'offline');
    setText(notice.querySelector('.notice-title'), t('offline.title', { time: clock(away.dataAt ?? Date.now(), pageZone) }));
    setText(notice.querySelector('.notice-detail'), away.pending ? t('offline.detailPending', { count: away.pending, n: number(away.pending) }) : t('offline.detail'));
    return;
  }
  setAttr(notice, 'data-kind', null);
  const down = status.state !== 'live' && lastFetchAt > 0;
  setAttr(notice, 'hidden', !down);
  if (!down) return;
  const asOf = Math.max(lastFetchAt, status.lastLiveAt ?? 0);
  const iso = new Date(asOf).toISOString();
  const what = t('stale.title');
  setText(notice.querySelector('.notice-title'), what);
  setText(notice.querySelector('.notice-detail'), t('stale.detail', { time: clock(asOf, pageZone), age: age(iso) }));
}

// Ages are relative to now, so they are refreshed on the client; the server is not asked.
function tick() {
  if (document.visibilityState === 'hidden') return;
  const now = Date.now();
  for (const el of main.querySelectorAll('time.age[datetime]')) setText(el, age(el.dateTime, now));
  showStatus();
}

// Who is signed in: their name and role, and the sign-out button (a form post with its token).
function showUser() {
  const me = session();
  const box = document.getElementById('user');
  if (!me.authEnabled) {
    showBanner(t('banner.openAccess'), 'warning', { short: t('banner.openAccess.short'), key: 'open-access' });
    setAttr(box, 'hidden', true);
    return;
  }
  setText(box.querySelector('[data-slot="name"]'), me.name ?? '');
  setText(box.querySelector('[data-slot="role"]'), me.role ? t(`role.${me.role}`) : '');
  const token = box.querySelector('input[type="hidden"]');
  setAttr(token, 'name', me.antiforgery?.field);
  setAttr(token, 'value', me.antiforgery?.token);
  setAttr(box, 'hidden', false);
  setAttr(document.querySelector('[data-nav="orleans"]')?.parentElement, 'hidden', !me.can?.admin);
}

// The language picker: kept in this browser at once, and for a signed-in person on the server, so that
// their other phone speaks it too. The page reloads in the new language.
function showLanguagePicker() {
  const select = document.getElementById('lang-select');
  const numbers = document.getElementById('digits-select');
  select.value = lang;
  numbers.value = digits;
  select.addEventListener('change', async () => {
    const me = session();
    if (me.authEnabled && me.signedIn) {
      await fetch('api/me/language', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...writeHeaders() },
        body: JSON.stringify({ language: select.value }),
      }).catch(() => {}); // offline: the browser keeps it, the server learns it at the next choice
    }
    choose(select.value);
  });
  numbers.addEventListener('change', () => choose(lang, numbers.value));
}

async function boot() {
  translate(document);
  if (!(await loadSession())) return;
  adopt(session().language);
  showLanguagePicker();
  document.body.dataset.role = session().role ?? 'anonymous';
  showUser();
  live.on('status', (status) => {
    showStatus();
    if (status.state === 'live') offline.flush();
  });
  offline.on(showStaleNotice);
  offline.start({ describe: describeRefusal });
  offline.flush();
  // Someone signing out of a shared phone takes their kept figures with them.
  document.getElementById('user').addEventListener('submit', () => {
    if ('caches' in window) caches.delete('campwater-data-v1');
  });
  window.addEventListener('hashchange', navigate);
  document.addEventListener('visibilitychange', tick);
  setInterval(tick, AGE_REFRESH_MS);
  live.connect();
  showStatus();
  navigate();
}

boot();
