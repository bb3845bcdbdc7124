/**
 * Registers the service worker (dist/sw.js, written by scripts/vite-offline.ts) so that, after a
 * first visit, the app and every lesson open with no network. Only in a build: `vite dev` serves
 * no sw.js. Under test hooks too, so the e2e suite can test offline use. It waits for the page's
 * `load`, so precaching never competes with the first paint; a browser or a sandboxed frame that
 * refuses service workers just goes on online.
 */
export function registerOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // BASE_URL is './' by default (relative to the page) or the `--base` given to the build.
  const url = new URL(`${import.meta.env.BASE_URL}sw.js`, document.baseURI);
  const register = () => void navigator.serviceWorker.register(url).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
