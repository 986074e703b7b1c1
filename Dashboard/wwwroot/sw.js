// CampWater's service worker: the dashboard keeps working where the network does not reach (a tank at the
// edge of the camp, a phone out of Wi-Fi range).
//
// - The app shell (the page, its styles, every module index.html preloads, the catalogues of every language,
//   the live client, the icons) is cached at install, so the app opens with no network at all.
// - Every GET of the API is fetched from the network first; its answer is kept, and while the network is
//   down the last kept answer is served, marked with the time it was fetched (X-CampWater-Cached-At), so
//   the page can say "Offline — showing data from 14:02".
// - The page itself is fetched from the network first too, so an upgrade shows at once when online.
// Changes (POST, PUT) are not the worker's: the page queues them (js/outbox.js) and sends them in order.

const SHELL = 'campwater-shell-v1';
const DATA = 'campwater-data-v1';
const CACHED_AT = 'X-CampWater-Cached-At';
const EXTRA = ['./', 'i18n/en.json', 'i18n/ar.json', 'i18n/fr.json', 'lib/signalr/signalr.min.js', 'manifest.webmanifest',
  'icons/icon-192.png', 'icons/icon-512.png', 'favicon.svg'];

/** What index.html links to (modules, styles, icons): the shell is what the page says it needs. */
async function shellFiles() {
  const html = await (await fetch('./', { cache: 'no-cache' })).text();
  const linked = [...html.matchAll(/<(?:link|script)[^>]+(?:href|src)="([^"#?]+)"/g)].map((m) => m[1]);
  return [...new Set([...EXTRA, ...linked])];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    await cache.addAll(await shellFiles());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && name !== DATA) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** The network's answer, kept in cache; without a network, the kept one. */
async function networkFirst(request, cacheName, { mark = false, fallback = null } = {}) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      const headers = new Headers(copy.headers);
      headers.set(CACHED_AT, new Date().toISOString());
      await cache.put(request, new Response(await copy.blob(), { status: copy.status, statusText: copy.statusText, headers }));
    }
    return response;
  } catch (err) {
    const kept = (await cache.match(request, { ignoreVary: true }))
      ?? (fallback ? await caches.match(fallback, { ignoreSearch: true }) : undefined);
    if (!kept) throw err;
    if (!mark) return kept;
    const headers = new Headers(kept.headers);
    headers.set('X-CampWater-Offline', 'true');
    return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (path.startsWith('hubs/') || path.startsWith('orleans') || path === 'metrics' || path.startsWith('health/')) return;
  if (path.startsWith('api/')) {
    // A CSV download or an export is not what a phone in the field needs without a network.
    if (path.endsWith('.csv')) return;
    event.respondWith(networkFirst(request, DATA, { mark: true }));
    return;
  }
  if (request.mode === 'navigate') {
    // The sign-in form is the server's: without a network there is nothing to sign in to.
    if (path.startsWith('login') || path.startsWith('logout')) return;
    event.respondWith(networkFirst(request, SHELL, { fallback: './' }));
    return;
  }
  event.respondWith(networkFirst(request, SHELL));
});
