// The lab's service worker. `sw.js` is this file with the site's manifest on its first line
// (self.LAB_OFFLINE = {version, base, files: [[url, sha256], ...]}), written by offline-manifest.ts
// after each build. One cache per version, `lab-<version>`, holding every file of that build:
// - install downloads every file, checks each against its hash and fails (leaving no cache) if
//   any is missing or different, so a version is either complete or absent;
// - it does not skipWaiting: a page keeps the version it was loaded with until the learner
//   accepts the update (the page posts SKIP_WAITING), so no page ever mixes two builds;
// - activate deletes every other `lab-*` cache;
// - fetch answers same-origin GETs under the base from this version's cache, else the network.
/* global self, caches, crypto, fetch, Request, Response, URL */
const { version, base, files } = self.LAB_OFFLINE;
const CACHE = `lab-${version}`;
const PARALLEL = 6;

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function store(cache, url, sha256) {
  // no-cache: revalidate with the server, so an HTTP-cached file of an older build is never taken.
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = hex(await crypto.subtle.digest('SHA-256', body));
  if (actual !== sha256) throw new Error(`${url}: the server sent another version of this file (a deploy in progress?)`);
  // Only the type: the body is already decoded, so the server's length and encoding would be wrong.
  const type = response.headers.get('content-type');
  await cache.put(url, new Response(body, { status: 200, headers: type ? { 'content-type': type } : {} }));
}

async function precache() {
  const cache = await caches.open(CACHE);
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await store(cache, next[0], next[1]);
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    // An older version activating meanwhile deletes every other lab-* cache, this one included:
    // writes then went to a cache no name reaches. Fail, so the browser installs again later.
    if (!(await caches.has(CACHE))) throw new Error('the cache was removed while it was filled (another version activated)');
  } catch (error) {
    await caches.delete(CACHE);
    console.warn(`The lab could not be saved for offline use: ${error.message}`);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith('lab-') && name !== CACHE).map((name) => caches.delete(name)));
      // Every open page of the site is taken over: on the first install, so the page that installed
      // it has what it loads next (the editor, a lesson's session) offline too; on an update, the
      // other tabs are told to reload (client/offline.ts), since their old code is no longer cached.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate' || url.pathname.endsWith('/');
  // Pages are cached without a query (?view=app, ?backend=webgpu); files by their exact URL.
  const hit =
    (await cache.match(request, { ignoreSearch: page })) ??
    (page && !url.pathname.endsWith('/') ? await cache.match(`${url.pathname}/`) : undefined);
  return hit ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) return;
  event.respondWith(answer(request, url));
});
