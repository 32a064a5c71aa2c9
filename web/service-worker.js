/*
 * Flipstackk's service worker: it keeps the app shell (the built page, its scripts, styles and
 * icons) so the installed app opens without a connection and says it is offline. API answers and
 * the live event stream are never cached or answered here: they always go to the network.
 * The build (web/vite.config.ts) fills in the list of shell files and the cache's version.
 */
const SHELL_FILES = self.__SHELL_FILES__;
const CACHE = `flipstackk-shell-${self.__SHELL_VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

// A new build's worker drops the older shells and takes over the open pages at once.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('flipstackk-shell-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // The API (and its SSE stream) and other origins: straight to the network, never stored.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Every route is the same page: the network's copy when it answers, the kept one when not.
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE }).then((page) => page ?? Response.error())));
    return;
  }
  // Built files carry a content hash in their names: the kept copy is the right one.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((kept) => kept ?? fetch(request)));
});
