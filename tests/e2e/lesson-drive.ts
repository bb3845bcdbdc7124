import { expect, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import type {} from '../../src/app/test-hooks';

// Driving a lesson through the page as a learner does: everything read from the page itself
// (which goals the step checks, its page task, what it declares highlighted).

/** Simulated time must pass for some goals: generous, but it is a wait on state. */
export const STATE = { timeout: 30_000 };

/**
 * The lessons the page offers, in its order, read from the lesson list as a learner sees it: the
 * specs that go through every lesson take them from here, so a new lesson is covered without
 * being named in tests/.
 */
export async function lessonsOnPage(page: Page, home = '/'): Promise<string[]> {
  // Read once per test worker and site: a dozen sweeps each loaded the page only for this list.
  const known = listed.get(home);
  if (known) return [...known];
  await page.goto(home);
  await page.getByTestId('lessons-open').click();
  const items = page.getByTestId('lesson-list').locator('[data-testid^="lesson-item-"]');
  await expect(items.first()).toBeVisible();
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  const slugs = ids.map((id) => (id ?? '').replace(/^lesson-item-/, ''));
  listed.set(home, slugs);
  return [...slugs];
}
const listed = new Map<string, readonly string[]>();

/**
 * Going through every lesson is split into this many tests, which run in parallel: the one
 * numbered `part` (0-based) takes lessons part+1, part+1+PARTS, … of the page's list.
 */
export const PARTS = 4;

export const lessonsOfPart = (lessons: readonly string[], part: number): string[] =>
  lessons.filter((_, i) => i % PARTS === part);

/**
 * Run `fn` in a page of its own browser context (the config's options apply), so each lesson of a
 * part starts as it would in a test of its own: no saved progress or preferences from the last.
 */
export async function inFreshPage(browser: Browser, fn: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** "Lessons 2, 6, 10, …" for a part's test name. */
export const partName = (part: number): string =>
  `lessons ${[0, 1, 2].map((k) => part + 1 + k * PARTS).join(', ')}, …`;

export async function atStep(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(n), STATE);
}

/** The machine runs and the lesson has reported its state (a page opened with test hooks). */
export async function lessonReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.waitForFunction(() => window.__mklab?.lesson() !== null);
}

/**
 * Steps 1…n−1 done as a learner does — the prediction (`choice`), "show me" skipped to the end,
 * Next — to stand at step n.
 */
export async function walkTo(page: Page, n: number, choice = 1): Promise<void> {
  for (let k = 1; k < n; k++) {
    await atStep(page, k);
    await predict(page, choice);
    await page.getByTestId('show-me-jump').click();
    await page.waitForFunction(
      (i) => window.__mklab?.lesson()?.met.every(Boolean) && window.__mklab.lesson()?.step === i,
      k - 1,
      STATE,
    );
    await page.getByTestId('step-next').click();
  }
  await atStep(page, n);
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
  else if (kind.startsWith('select-each:')) {
    for (const code of kind.slice('select-each:'.length).split(' '))
      await page.locator(`#stage [data-select="${code}"]`).click();
  } else
    await page
      .locator(`[data-select-kind="${kind.replace('select:', '')}"]`)
      .first()
      .click();
  await expect(task).toHaveAttribute('data-done', 'true');
  await watchTask(page);
}

/** A step about something over time: let the clock run (Play) until its check holds, then pause. */
export async function watchTask(page: Page): Promise<void> {
  const watch = page.getByTestId('watch-task');
  if ((await watch.count()) === 0 || (await watch.getAttribute('data-done')) === 'true') return;
  await page.getByTestId('play-toggle').click();
  await expect(watch).toHaveAttribute('data-done', 'true', STATE);
  await page.getByTestId('play-toggle').click();
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

/** Console errors and uncaught exceptions, from now on. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/**
 * Every step of a lesson with "show me" jumping to the end: the step's goals are met, its page
 * task done, its declared highlight targets are exactly the highlighted elements, and axe finds
 * nothing on each new screen. `home` is the app's address (another build's, for the eleventh-lesson spec);
 * `at` runs a check at step `n`, its prediction answered, before "show me".
 */
export async function walkLesson(
  page: Page,
  slug: string,
  lang: 'en' | 'es',
  home = '/',
  at?: { n: number; check: (page: Page) => Promise<void> },
): Promise<void> {
  await page.goto(`${home}?testhooks&lesson=${slug}&lang=${lang}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await atStep(page, 1);
  // How many steps the lesson has, from the panel's progress bar.
  const steps = Number(
    await page.getByTestId('lesson-step').locator('progress').getAttribute('max'),
  );
  expect(steps, `${slug}: the progress bar counts its steps`).toBeGreaterThan(0);
  const checked = new Set<string>();
  for (let n = 1; n <= steps; n++) {
    await atStep(page, n);
    await predict(page);
    if (at?.n === n) await at.check(page);
    await page.getByTestId('show-me-jump').click();
    await goalsMet(page);
    await doUiTask(page);
    const declared = ((await page.getByTestId('lesson-step').getAttribute('data-highlights')) ?? '')
      .split(' ')
      .filter(Boolean);
    expect(declared.length, `${slug} step ${n} declares highlights`).toBeGreaterThan(0);
    const highlighted = await page
      .locator('[data-highlighted="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-hl') ?? '?'));
    expect(new Set(highlighted), `${slug} step ${n} highlights`).toEqual(new Set(declared));
    // axe once per screen, not per step: a step whose highlights name only parts an earlier
    // step already showed (and axe checked) shows nothing new to it.
    if (n === 1 || declared.some((d) => !checked.has(d))) {
      expect(await axeViolations(page), `${slug} step ${n} (${lang})`).toEqual([]);
      for (const d of declared) checked.add(d);
    }
    if (n < steps) await page.getByTestId('step-next').click();
  }
}
