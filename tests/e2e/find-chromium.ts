// The Chromium that Playwright, the UI benchmark and the audit start: the first that exists of
// $CHROMIUM_PATH, Playwright's cache and the system's. `npm run test:browser`
// (scripts/ensure-chromium.ts) installs one first when there is none.
import { findChromium } from '../../scripts/chromium/provision';
import { nodeDeps } from '../../scripts/chromium/node-deps';

/** The first Chromium that exists; throws with instructions when there is none. */
export function requireChromium(): string {
  const found = findChromium(nodeDeps);
  if (found?.path) return found.path;
  throw new Error(
    'No Chromium found for the e2e tests. `npm run test:browser` finds or installs one ' +
      '(Playwright download, or apt-get as root); or point CHROMIUM_PATH at a Chromium binary.',
  );
}

/**
 * Flags for every Chromium we start (tests, benchmarks, audits): root needs --no-sandbox, and the
 * rest keep it from reaching the network, which this machine does not have.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
