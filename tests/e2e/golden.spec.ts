import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

const golden = JSON.parse(readFileSync('tests/golden/trace-hashes.json', 'utf8')) as {
  seeds: Record<string, { hash: string; events: number }>;
};

test('the Chromium Web Worker computes the same golden trace hashes as Node', async ({ page }) => {
  await openLab(page);
  for (const [seed, want] of Object.entries(golden.seeds)) {
    const got = await page.evaluate((s) => window.__mklab?.goldenHash(s), Number(seed));
    expect({ seed, ...got }).toEqual({ seed, ...want });
  }
});
