import { expect, test, type Page } from '@playwright/test';
import { frames } from './helpers';
import { atStep, lessonReady as ready, predict, walkTo } from './lesson-drive';

// A lesson's machine is replayable: a deep link lands in the state its step expects, and a
// reload mid-step comes back to the same step and the same machine.

const SLUG = 'crash-containment';

const machine = (page: Page) =>
  page.evaluate(async () => ({
    t: window.__mklab?.t(),
    hash: await window.__mklab?.hash(),
    step: window.__mklab?.lesson()?.step,
  }));

test('a deep link to a middle step finds the machine in the state that step expects', async ({
  page,
  browser,
}) => {
  // The expected state: a learner who did steps 1 and 2 ("show me", skipped to the end).
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await walkTo(page, 3);
  await page.waitForFunction(() => window.__mklab?.lesson()?.step === 2);
  const walked = await machine(page);
  // A fresh browser context (no saved progress) opens the deep link: the same machine, paused.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(`/?testhooks&lesson=${SLUG}&step=3`);
  await ready(fresh);
  await atStep(fresh, 3);
  expect(await machine(fresh)).toEqual(walked);
  await context.close();
});

test('a reload mid-step returns to the same step, time and state hash', async ({ page }) => {
  await page.goto(`/?testhooks&lesson=${SLUG}&step=2`);
  await ready(page);
  // Act in the step: play its "show me" for a while, then pause somewhere in the middle.
  await predict(page);
  await page.getByTestId('show-me').click();
  await page.waitForFunction(() => (window.__mklab?.t() ?? 0) > 0);
  const before = await page.evaluate(() => window.__mklab?.t() ?? 0);
  await page.waitForFunction((t0) => (window.__mklab?.t() ?? 0) > t0 + 50_000_000, before);
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await frames(page, 3);
  const saved = await machine(page);
  expect(saved.step).toBe(1);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  const after = await machine(page);
  expect(after).toEqual(saved);
  // The prediction made before the reload is still there.
  await expect(page.getByTestId('predict-choice-1')).toBeChecked();
});

test('an unknown lesson or step says so and shows the lesson list', async ({ page }) => {
  await page.goto('/?lesson=no-such-lesson');
  await expect(page.getByTestId('lesson-notice')).toContainText('no-such-lesson');
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  await page.goto(`/?lesson=${SLUG}&step=99`);
  await expect(page.getByTestId('lesson-notice')).toContainText('99');
  await expect(page.getByTestId('lesson-list')).toBeVisible();
});

test('unreadable saved progress is ignored with a notice, never fatal', async ({ page }) => {
  // Written before the page's own scripts run (a page leaving would save over it).
  await page.addInitScript(() => localStorage.setItem('mklab.progress', '{"v":1,"lessons":{"x":'));
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await expect(page.getByTestId('lesson-notice')).toBeVisible();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
});
