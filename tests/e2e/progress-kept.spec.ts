import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { frames } from './helpers';
import { atStep, lessonReady as ready, predict, STATE, walkTo } from './lesson-drive';

// Saved lesson progress is never lost or silently overwritten (issue 11, F3–F7): two tabs of one
// browser, a deep link or the embed's "Open in Multikernel Lab" over saved progress, an import
// inside the lesson, full storage, and data the page cannot read.

const SLUG = 'crash-containment';

/** Walk the lesson to step 3 as a learner does, answering the prediction of steps 1, 2 and 3. */
async function reachStep3(page: Page): Promise<void> {
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await walkTo(page, 3);
  await predict(page, 2);
}

/** Open the lesson without a step in a new page of the same context: where its saved state is. */
async function savedStep(page: Page): Promise<string | null> {
  const other = await page.context().newPage();
  await other.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(other);
  await frames(other, 3);
  const step = await other.getByTestId('lesson-step').getAttribute('data-step');
  await other.close();
  return step;
}

test('F3: a tab open on another lesson keeps saving without wiping this one', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const other = await context.newPage();
  await other.goto('/?testhooks&lesson=roots');
  await ready(other);
  await other.evaluate(() => window.__mklab?.setPlaying(true));
  await reachStep3(page);
  await frames(page, 5);
  // This tab closes at step 3; the other goes on playing (and saving) its own lesson a while.
  await page.close();
  await frames(other, 90);
  await other.evaluate(() => window.__mklab?.setPlaying(false));
  await frames(other, 5);
  expect(await savedStep(other)).toBe('3');
  // The other tab's lesson list heard of it (a `storage` event): step 3 of this lesson.
  await other.getByTestId('lessons-open').click();
  await expect(other.getByTestId(`lesson-item-${SLUG}`)).toContainText('Step 3 of');
});

test('F3: a tab on the same lesson says it was continued elsewhere and overwrites nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const other = await page.context().newPage();
  await other.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(other);
  await frames(other, 5);
  await reachStep3(page);
  // The other tab, still at step 1, is told, with a choice; it wrote nothing over step 3.
  const ask = other.getByTestId('progress-ask');
  await expect(ask).toHaveAttribute('data-kind', 'tab');
  await expect(ask).toContainText('another tab');
  await frames(other, 30);
  expect(await savedStep(page)).toBe('3');
  // "Load it here": the other tab now shows step 3 with its answer.
  await other.getByTestId('progress-keep-saved').click();
  await atStep(other, 3);
  await expect(other.getByTestId('predict-choice-2')).toBeChecked();
  await expect(other.getByTestId('progress-ask')).toHaveCount(0);
});

test('F4: a deep link over saved progress asks, and both answers keep what they say', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await reachStep3(page);
  await frames(page, 5);
  // The link names step 1: continue where you were (keyboard).
  await page.goto(`/?testhooks&lesson=${SLUG}&step=1`);
  const ask = page.getByTestId('progress-ask');
  await expect(ask).toHaveAttribute('data-kind', 'link');
  await expect(page.getByTestId('progress-keep-saved')).toContainText('step 3');
  await expect(page.getByTestId('progress-keep-here')).toContainText('step 1');
  await page.getByTestId('progress-keep-saved').focus();
  await page.keyboard.press('Enter');
  await atStep(page, 3);
  await expect(page.getByTestId('predict-choice-2')).toBeChecked();
  await expect(ask).toHaveCount(0);

  // In Spanish, start from the link: until the learner does something the old place is kept.
  await page.goto(`/?testhooks&lesson=${SLUG}&step=1&lang=es`);
  await expect(page.getByTestId('progress-keep-saved')).toContainText('paso 3');
  await page.getByTestId('progress-keep-here').click();
  await atStep(page, 1);
  await frames(page, 30);
  expect(await savedStep(page)).toBe('3');
  // Once the learner answers here, this is where they are.
  await page.getByTestId('predict-choice-1').check();
  await frames(page, 5);
  expect(await savedStep(page)).toBe('1');
  // No question when the link names the saved step itself.
  await page.goto(`/?testhooks&lesson=${SLUG}&step=1`);
  await ready(page);
  await frames(page, 10);
  await expect(page.getByTestId('progress-ask')).toHaveCount(0);
});

test("F4: the embed's “Open in Multikernel Lab” over saved progress asks too", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await reachStep3(page);
  await frames(page, 5);
  const embed = await context.newPage();
  await embed.goto(`/embed.html?lesson=${SLUG}&step=1`);
  await expect(embed.getByTestId('embed')).toHaveAttribute('data-ready', 'true', STATE);
  // The embed asks in its own words, and writes nothing over step 3 while it shows step 1.
  await expect(embed.getByTestId('progress-ask')).toContainText('this page shows step 1');
  await expect(embed.getByTestId('progress-keep-here')).toContainText('Start from this page');
  await frames(embed, 30);
  expect(await savedStep(page)).toBe('3');
  const [lab] = await Promise.all([
    context.waitForEvent('page'),
    embed.getByTestId('embed-open').click(),
  ]);
  await expect(lab.getByTestId('progress-ask')).toHaveAttribute('data-kind', 'link');
  await lab.getByTestId('progress-keep-here').click();
  await expect(lab.getByTestId('lesson-step')).toHaveAttribute('data-step', '1', STATE);
  await frames(lab, 10);
  expect(await savedStep(page)).toBe('3');
  // The same link again, continuing instead.
  await lab.reload();
  await lab.getByTestId('progress-keep-saved').click();
  await expect(lab.getByTestId('lesson-step')).toHaveAttribute('data-step', '3', STATE);
  await expect(lab.getByTestId('predict-choice-2')).toBeChecked();
});

test('F5: progress imported inside the lesson lands and stays after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await predict(page, 2);
  await frames(page, 5);
  await page.getByTestId('lessons-open').click();
  const exported = page.waitForEvent('download');
  await page.getByTestId('export-progress').click();
  const atOne = readFileSync(await (await exported).path(), 'utf8');
  await page.getByTestId('lesson-list').getByRole('button', { name: 'Close' }).click();
  // Further on, then the file from step 1 is imported while the lesson runs.
  await page.getByTestId('show-me-jump').click();
  await page.waitForFunction(() => window.__mklab?.lesson()?.met.every(Boolean), null, STATE);
  await page.getByTestId('step-next').click();
  await atStep(page, 2);
  await predict(page, 1);
  await frames(page, 5);
  await page.getByTestId('lessons-open').click();
  await page.getByTestId('import-progress-file').setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(atOne),
  });
  await expect(page.getByTestId('progress-file-ok')).toBeVisible();
  await page.getByTestId('lesson-list').getByRole('button', { name: 'Close' }).click();
  await atStep(page, 1);
  await expect(page.getByTestId('predict-choice-2')).toBeChecked();
  await frames(page, 30);
  await page.reload();
  await ready(page);
  await atStep(page, 1);
  await expect(page.getByTestId('predict-choice-2')).toBeChecked();
});

test('F6: a save that fails says so, is retried, and the notice goes once it lands', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await frames(page, 5);
  // Fill this origin's storage to the last character (new keys, then the first one grows).
  const filled = await page.evaluate(() => {
    let n = 0;
    const fits = (key: string, value: string) => {
      try {
        localStorage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    };
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2))
      while (fits(`fill.${n}`, 'x'.repeat(size))) n++;
    for (let size = 1 << 10; size >= 1; size = Math.floor(size / 2))
      while (fits('fill.0', (localStorage.getItem('fill.0') ?? '') + 'x'.repeat(size)));
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  await predict(page, 2);
  const notice = page.getByTestId('save-failed');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  // Space again: the next try (a retry with backoff, or the next save) lands.
  await page.evaluate((count) => {
    for (let i = 0; i < count; i++) localStorage.removeItem(`fill.${i}`);
  }, filled);
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('predict-choice-2')).toBeChecked();
});

test('F7: progress set aside is kept, can be downloaded, and survives later saves', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const future = JSON.stringify({
    v: 99,
    marker: 'from-a-newer-lab',
    lessons: { [SLUG]: { step: 5, answers: [1, 2, 3] } },
  });
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('mklab.progress', text);
  }, future);
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await ready(page);
  await expect(page.getByTestId('lesson-notice')).toBeVisible();
  const first = page.waitForEvent('download');
  await page.getByTestId('download-aside').click();
  expect(readFileSync(await (await first).path(), 'utf8')).toContain('from-a-newer-lab');
  // The learner goes on: saves follow, and a reload.
  await predict(page, 2);
  await frames(page, 30);
  await page.reload();
  await ready(page);
  await frames(page, 10);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => localStorage.getItem(k)?.includes('from-a-newer-lab')),
  );
  expect(kept.length).toBeGreaterThan(0);
  // Still downloadable from the lesson list.
  await page.getByTestId('lessons-open').click();
  const again = page.waitForEvent('download');
  await page.getByTestId('list-download-aside').click();
  expect(readFileSync(await (await again).path(), 'utf8')).toContain('from-a-newer-lab');
});
