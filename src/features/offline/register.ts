/** How often an open lab asks whether a new version was deployed (besides the events below). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (dist/sw.js, written by scripts/vite-offline.ts) so that, after a
 * first visit, the app and every lesson open with no network. Only in a build: `vite dev` serves
 * no sw.js. Under test hooks too, so the e2e suite can test offline use. It waits for the page's
 * `load`, so precaching never competes with the first paint; a browser or a sandboxed frame that
 * refuses service workers just goes on online.
 *
 * A new deploy reaches the offline copy: every visit asks for sw.js again (Chromium's own check
 * on navigation is rate-limited), and an open lab asks again when it comes back online, when its
 * tab is shown again, and every hour.
 * (Chromium runs that check only once the page's main thread has idle time: the bridge keeps a
 * paused machine idle for that reason.)
 */
export function registerOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // BASE_URL is './' by default (relative to the page) or the `--base` given to the build.
  const url = new URL(`${import.meta.env.BASE_URL}sw.js`, document.baseURI);
  const register = () => {
    navigator.serviceWorker
      .register(url)
      .then((reg) => watchForUpdates(reg))
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

function watchForUpdates(reg: ServiceWorkerRegistration): void {
  const check = () => void reg.update().catch(() => undefined);
  check();
  addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, CHECK_EVERY_MS);
}
