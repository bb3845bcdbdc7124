// The service worker that makes the app work offline after a first visit (DESIGN §7).
// Not bundled as a module: scripts/vite-offline.ts strips the types at build time, wraps this
// file in a function, puts the list of built files and a version hash in front of it, and writes
// dist/sw.js. `vite dev` has no service worker (src/features/offline/register.ts registers it only in a build).
//
// - install: every built file (HTML, JS chunks, lesson text, the Spanish catalog, the worker, the
//   font, CSS) goes into a cache named after the version, so lessons never opened online still
//   open offline.
// - navigations (the HTML pages): network first, so an online visit always gets the newest page;
//   with no network, this version's copy. Any query string (?lesson=…&step=…) maps to the page.
// - everything else in scope: cache first (file names carry a content hash, so a hit is current).
// - activate: caches of versions older than the one before this are deleted. The one before is
//   kept because a tab opened on it may still load its own lazy chunks (a lesson, the sandbox).
// Requests to other origins are left alone (the app makes none).
export {};

declare const self: ServiceWorkerGlobalScope;
/** Hash of every built file's name and bytes: a new build is a new sw.js, so browsers update. */
declare const MKLAB_VERSION: string;
/** Built files, relative to this script (which sits at the base path, next to index.html). */
declare const MKLAB_FILES: readonly string[];

const PREFIX = 'mklab-';
const CURRENT = `${PREFIX}${MKLAB_VERSION}`;
const here = (file: string) => new URL(file, self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CURRENT);
      try {
        // `no-cache`: revalidate with the server, so an old page in the HTTP cache is never
        // stored as this version's page.
        await cache.addAll(MKLAB_FILES.map((f) => new Request(here(f), { cache: 'no-cache' })));
      } catch (err) {
        // A half-filled cache must not look like a version at the next activation.
        await caches.delete(CURRENT);
        throw err;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CURRENT);
      // caches.keys() lists in creation order: the last of ours is the version before this one.
      await Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

// Vary is ignored: these files are the same for every request (a server may add `Vary: Origin`,
// and the page's module and font requests carry an Origin header that the precache did not).
const MATCH: CacheQueryOptions = { ignoreVary: true };

async function fromCaches(request: Request | string): Promise<Response | undefined> {
  const hit = await (await caches.open(CURRENT)).match(request, MATCH);
  if (hit) return hit;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CURRENT) continue;
    const old = await (await caches.open(name)).match(request, MATCH);
    if (old) return old;
  }
  return undefined;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch (err) {
    // Only this version's page: an older page would ask for chunks this version does not have.
    const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const page = await (await caches.open(CURRENT)).match(new URL(file, url.origin).href, MATCH);
    // A host that redirects index.html to its folder stores a redirected response, which a
    // navigation may not be answered with: copy it into a plain one.
    if (page) return page.redirected ? new Response(page.body, page) : page;
    throw err;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  return (await fromCaches(request)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const url = new URL(request.url);
  event.respondWith(request.mode === 'navigate' ? networkFirst(request, url) : cacheFirst(request));
});
