import { expect, test } from '@playwright/test';
import { openLab, play } from './helpers';

test('a wedged worker is restarted and rebuilt to the same state', async ({ page }) => {
  await openLab(page);
  await play(page);
  // Act on the machine, so the rebuild has a log to replay: panic beta, then let it reach loaded.
  await page.evaluate(() => window.__mklab?.act({ type: 'fault', kind: 'panic', target: 'beta' }));
  await expect.poll(() => page.evaluate(() => window.__mklab?.kernelState('beta'))).toBe('loaded');
  await page.evaluate(() => window.__mklab?.act({ type: 'instance.exec', name: 'beta' }));
  await expect.poll(() => page.evaluate(() => window.__mklab?.kernelState('beta'))).toBe('active');
  await page.getByTestId('play-toggle').click();
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  const before = await page.evaluate(async () => ({
    hash: await window.__mklab?.hash(),
    t: window.__mklab?.t(),
  }));

  await page.evaluate(() => window.__mklab?.hangWorker());
  // The bridge notices 5 s of silence, restarts the worker and replays config + seed + log.
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.restarts()), { timeout: 30_000 })
    .toBe(1);
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.phase()), { timeout: 30_000 })
    .toBe('running');
  await expect(page.getByTestId('worker-status')).toContainText('restarted');
  const after = await page.evaluate(async () => ({
    hash: await window.__mklab?.hash(),
    t: window.__mklab?.t(),
  }));
  expect(after.t).toBe(before.t);
  expect(after.hash).toBe(before.hash);
  await expect(page.getByTestId('group-beta')).toHaveAttribute('data-state', 'active');

  // A worker that throws is replaced the same way.
  await page.evaluate(() => window.__mklab?.crashWorker());
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.restarts()), { timeout: 30_000 })
    .toBe(2);
  await expect
    .poll(() => page.evaluate(() => window.__mklab?.phase()), { timeout: 30_000 })
    .toBe('running');
  const again = await page.evaluate(async () => ({
    hash: await window.__mklab?.hash(),
    t: window.__mklab?.t(),
  }));
  expect(again).toEqual(before);
});
