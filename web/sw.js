// sw: the service worker that lets the app start and run with no network. It keeps every
// file of one build in one cache named after the build, answers from that cache first, and
// when it takes over deletes the caches older builds of the same site left behind. A new
// build waits until the page asks it to take over (web/update.js asks only when no session
// is running) or until the app is next started with no window of it open.
'use strict';

// tools/package_site.py fills in the next line: this build's id and every file of it.
const kBuild = { id: 'dev', files: [] };

// Caches are shared by everything on the origin, so names carry the site's scope: two
// copies of the app under different sub-paths never delete each other's files.
const kPrefix = 'steady-back ' + self.registration.scope + ' ';
const kCache = kPrefix + kBuild.id;
const kIndex = new URL('index.html', self.location).href;
const kScopePath = new URL(self.registration.scope).pathname;

// Files whose names carry a content hash (name.0123456789.ext) never change under that name.
const kHashed = /\.[0-9a-f]{10}\.[A-Za-z0-9]+$/;

self.addEventListener('install', (event) => {
  // A hashed file may come from the HTTP cache (the page has just downloaded it); any other
  // file is fetched afresh so an older copy of it is never kept.
  const requests = kBuild.files.map((f) =>
    new Request(new URL(f, self.location).href, { cache: kHashed.test(f) ? 'default' : 'reload' }));
  event.waitUntil(caches.open(kCache).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((n) => n.startsWith(kPrefix) && n !== kCache).map((n) => caches.delete(n)))));
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'take-over') self.skipWaiting();
  // A page asks which build this worker serves: one loaded just before a newer worker took
  // over (the browser may switch workers while a page loads) is older than its files.
  if (type === 'which-build' && event.ports[0]) event.ports[0].postMessage({ build: kBuild.id });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Opening the app (with any query, e.g. a prescription link) gets the cached page.
  const opensApp = request.mode === 'navigate' &&
    (url.pathname === kScopePath || url.pathname === kScopePath + 'index.html');
  // A file that is not part of the build (the clinic's clinic.json and logo, placed beside
  // index.html by the host) is fetched fresh each time and kept for offline use.
  const rel = url.pathname.startsWith(kScopePath) ? url.pathname.slice(kScopePath.length) : '';
  const clinicFile = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(json|png|jpe?g)$/i.test(rel) && !kHashed.test(rel);
  if (!opensApp && clinicFile && !kBuild.files.includes(rel)) {
    event.respondWith(fetch(request).then((resp) => {
      if (resp.ok) {
        const copy = resp.clone();
        // Only into this build's cache while it exists (an old worker must not recreate it).
        caches.has(kCache).then((has) => has && caches.open(kCache).then((cache) => cache.put(request, copy)))
          .catch(() => {});
      }
      return resp;
    }).catch(() => caches.match(request, { cacheName: kCache })
      // Offline and never fetched: the same answer as a site without the file.
      .then((cached) => cached || new Response('', { status: 404, statusText: 'Not Found' }))));
    return;
  }
  // caches.match with a cacheName never creates the cache (caches.open would, after an
  // activation has deleted it).
  event.respondWith(caches.match(opensApp ? kIndex : request, { cacheName: kCache })
    .then((cached) => cached || fetch(request)));
});
