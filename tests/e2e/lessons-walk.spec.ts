import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  inFreshPage,
  lessonsOfPart,
  lessonsOnPage,
  PARTS,
  partName,
  pageProblems,
  walkLesson,
} from './lesson-drive';
import { SCREEN_STEP, stepScreens } from './step-screens';

/**
 * Every step of every lesson the page lists (English; Spanish for lessons 1, 5, 9, …), with
 * "show me" jumping to the end: the step's goals are met, its declared highlight targets are
 * exactly the highlighted elements, axe finds nothing, and the console stays clean. In English,
 * step 2 of each lesson also gets the layout sweep (`stepScreens`; lesson-screens.spec.ts does
 * it in Spanish, by deep link).
 */
const PER_LESSON_MS = 120_000;

async function walkPart(
  page: Page,
  browser: Browser,
  part: number,
  lang: 'en' | 'es',
): Promise<void> {
  const lessons = lessonsOfPart(await lessonsOnPage(page), part);
  expect(lessons.length, 'the lesson list offers lessons').toBeGreaterThan(0);
  test.setTimeout(lessons.length * PER_LESSON_MS);
  for (const slug of lessons) {
    await test.step(`${slug} (${lang})`, () =>
      inFreshPage(browser, async (fresh) => {
        const problems = pageProblems(fresh);
        const screens = { n: SCREEN_STEP, check: (p: Page) => stepScreens(p, slug, lang) };
        await walkLesson(fresh, slug, lang, '/', lang === 'en' ? screens : undefined);
        expect(problems, `${slug} (${lang}): console`).toEqual([]);
      }));
  }
}

for (let part = 0; part < PARTS; part++) {
  test(`walk every step of ${partName(part)} (en) with "show me"`, async ({ page, browser }) => {
    await walkPart(page, browser, part, 'en');
  });
}

test(`walk every step of ${partName(0)} (es) with "show me"`, async ({ page, browser }) => {
  await walkPart(page, browser, 0, 'es');
});
