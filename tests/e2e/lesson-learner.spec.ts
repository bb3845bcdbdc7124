import { expect, test, type Page } from '@playwright/test';
import { atStep, doUiTask, finishQuiz, goalsMet, predict } from './lesson-drive';
import { openGroup, typeLine } from './helpers';

async function panic(page: Page, kernel: string): Promise<void> {
  await openGroup(page, 'sandbox-faults');
  await page.getByTestId('fault-panic-target').selectOption(kernel);
  await page.getByTestId('action-fault-panic').click();
}

/** Play, wait for the step's checks, pause again. */
async function playUntilMet(page: Page): Promise<void> {
  await page.getByTestId('play-toggle').click();
  await goalsMet(page);
  await page.getByTestId('play-toggle').click();
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
}

test('a learner completes one-kernel-owns-everything through the page', async ({ page }) => {
  test.setTimeout(120_000);
  const slug = 'one-kernel-owns-everything';
  await page.goto(`/?lesson=${slug}`);
  await atStep(page, 1);
  await predict(page);
  await page.getByTestId('cpu-2').click();
  await page.getByTestId('cpu-6').click();
  // The task names the memory bar too: half of it stays unmet (issue 12).
  await expect(page.getByTestId('ui-task')).toHaveAttribute('data-done', 'false');
  await page.locator('#stage [data-select="memory:all"]').click();
  await expect(page.getByTestId('inspect-memory')).toBeVisible();
  await expect(page.getByTestId('ui-task')).toHaveAttribute('data-done', 'true');
  await page.keyboard.press('ArrowRight');

  await atStep(page, 2);
  await predict(page);
  await typeLine(page, 'cat /proc/iomem');
  await goalsMet(page);
  await page.getByTestId('step-next').click();

  await atStep(page, 3);
  await predict(page);
  await typeLine(page, 'echo 0 > /sys/devices/system/cpu/cpu3/online');
  await typeLine(page, 'echo 1 > /sys/devices/system/cpu/cpu3/online');
  await goalsMet(page);
  await page.getByTestId('step-next').click();

  await atStep(page, 4);
  await predict(page);
  await panic(page, 'host');
  await playUntilMet(page);
  await page.getByTestId('step-next').click();

  await atStep(page, 5);
  await predict(page);
  await doUiTask(page);
  await page.getByTestId('step-next').click();
  await finishQuiz(page);
});

test('a learner completes crash-containment through the page', async ({ page }) => {
  test.setTimeout(120_000);
  const slug = 'crash-containment';
  await page.goto(`/?lesson=${slug}`);
  await atStep(page, 1);
  await predict(page);
  await panic(page, 'batch');
  await playUntilMet(page);
  await page.getByTestId('step-next').click();

  await atStep(page, 2);
  await predict(page);
  await page.getByTestId('twin-panic').click();
  await playUntilMet(page);
  await page.getByTestId('step-next').click();

  await atStep(page, 3);
  await predict(page);
  await panic(page, 'db');
  await playUntilMet(page);
  await page.getByTestId('step-next').click();

  for (const n of [4, 5]) {
    await atStep(page, n);
    await predict(page);
    await doUiTask(page);
    await page.getByTestId('step-next').click();
  }
  await finishQuiz(page);
});
