import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { atStep, doUiTask, goalsMet, LESSON_SLUGS, predict } from './lesson-drive';

type LessonSlug = (typeof LESSON_SLUGS)[number];

/**
 * Every step of every lesson (English; Spanish for lessons 1, 5 and 9), with "show me" jumping
 * to the end: the step's goals are met, its declared highlight targets are exactly the
 * highlighted elements, axe finds nothing, and the console stays clean.
 */
const SPANISH: readonly LessonSlug[] = [
  'one-kernel-owns-everything',
  'crash-containment',
  'what-it-does-not-protect',
];

/** How many steps the lesson has, from the panel's progress bar. */
async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('lesson-step').locator('progress').getAttribute('max'));
}

async function walk(page: Page, slug: LessonSlug, lang: 'en' | 'es'): Promise<void> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`/?testhooks&lesson=${slug}&lang=${lang}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await atStep(page, 1);
  const steps = await stepCount(page);
  expect(steps).toBeGreaterThanOrEqual(5);
  for (let n = 1; n <= steps; n++) {
    await atStep(page, n);
    await predict(page);
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
    expect(await axeViolations(page), `${slug} step ${n} (${lang})`).toEqual([]);
    if (n < steps) await page.getByTestId('step-next').click();
  }
  expect(problems).toEqual([]);
}

for (const slug of LESSON_SLUGS) {
  test(`walk every step of ${slug} (en) with "show me"`, async ({ page }) => {
    test.setTimeout(120_000);
    await walk(page, slug, 'en');
  });
}

for (const slug of SPANISH) {
  test(`walk every step of ${slug} (es) with "show me"`, async ({ page }) => {
    test.setTimeout(120_000);
    await walk(page, slug, 'es');
  });
}
