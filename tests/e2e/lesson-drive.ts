import { expect, type Page } from '@playwright/test';

// Driving a lesson through the page as a learner does: everything read from the page itself
// (which goals the step checks, its page task, what it declares highlighted).

/** Simulated time must pass for some goals: generous, but it is a wait on state. */
export const STATE = { timeout: 30_000 };

export const LESSON_SLUGS = [
  'one-kernel-owns-everything',
  'carving-the-machine',
  'booting-a-second-kernel',
  'talking-between-kernels',
  'crash-containment',
  'recovery-without-reboot',
  'noisy-neighbours',
  'zero-downtime-update',
  'what-it-does-not-protect',
  'roots',
] as const;

export async function atStep(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(n), STATE);
}

/** Answer the prediction (any choice: the reveal follows whatever the learner chose). */
export async function predict(page: Page, choice = 1): Promise<void> {
  await page.getByTestId(`predict-choice-${choice}`).check();
  await expect(page.getByTestId('predict-verdict')).toBeVisible();
}

/** Every machine check of the step shows done. */
export async function goalsMet(page: Page): Promise<void> {
  const goals = page.getByTestId('lesson-step').locator('[data-testid^="goal-"]');
  for (const goal of await goals.all())
    await expect(goal).toHaveAttribute('data-met', 'true', STATE);
}

/** The step's page task, done the way a learner does it: open the card, or click the thing. */
export async function doUiTask(page: Page): Promise<void> {
  const task = page.getByTestId('ui-task');
  if ((await task.count()) === 0) return;
  const kind = (await task.getAttribute('data-task')) ?? '';
  if (kind === 'open-card') await page.getByTestId('card-toggle').click();
  else
    await page
      .locator(`[data-select-kind="${kind.replace('select:', '')}"]`)
      .first()
      .click();
  await expect(task).toHaveAttribute('data-done', 'true');
}

/** Answer every quiz question (the first choice), finish, and see the finish screen. */
export async function finishQuiz(page: Page): Promise<void> {
  await expect(page.getByTestId('lesson-quiz')).toBeVisible();
  const questions = await page.locator('[data-testid^="quiz-question-"]').count();
  expect(questions).toBeGreaterThanOrEqual(3);
  for (let q = 1; q <= questions; q++) await page.getByTestId(`quiz-choice-${q}-1`).check();
  await page.getByTestId('quiz-finish').click();
  await expect(page.getByTestId('lesson-finish')).toBeVisible();
}
