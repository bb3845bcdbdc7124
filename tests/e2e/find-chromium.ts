// Finds a Chromium for Playwright, the same way here, in CI and on a laptop. Order:
//   1. $CHROMIUM_PATH
//   2. Playwright's own download (`npx playwright install chromium`)
//   3. /usr/bin/chromium (`apt-get install -y chromium`)
// .ci/run looks in the same three places before it installs one.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export interface ChromiumCandidate {
  source: string;
  path: string | undefined;
}

export function chromiumCandidates(): ChromiumCandidate[] {
  let playwrightOwn: string | undefined;
  try {
    playwrightOwn = chromium.executablePath();
  } catch {
    // Playwright throws on platforms it has no build for; fall through to the system browser.
    playwrightOwn = undefined;
  }
  return [
    { source: 'env CHROMIUM_PATH', path: process.env.CHROMIUM_PATH || undefined },
    { source: "Playwright's cache", path: playwrightOwn },
    { source: 'system', path: '/usr/bin/chromium' },
  ];
}

/** The first candidate that exists, or undefined. */
export function findChromium(): string | undefined {
  return chromiumCandidates().find((c) => c.path !== undefined && existsSync(c.path))?.path;
}

/** The first candidate that exists; throws with instructions when there is none. */
export function requireChromium(): string {
  const found = findChromium();
  if (found) return found;
  const env = process.env.CHROMIUM_PATH;
  const looked = chromiumCandidates()
    .map((c) => `  - ${c.source}: ${c.path ?? '(not set)'}`)
    .join('\n');
  throw new Error(
    [
      'No Chromium found for the e2e tests.',
      env ? `CHROMIUM_PATH is set to "${env}", but no file is there.` : '',
      'Looked in:',
      looked,
      'Get one either way:',
      '  - npx playwright install chromium        (Playwright downloads its own build)',
      '  - apt-get install -y chromium            (Debian/Ubuntu; then /usr/bin/chromium is used)',
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
      '(To skip e2e in a quick local loop: SKIP_E2E=1 npm test.)',
    ]
      .filter(Boolean)
      .join('\n'),
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
