import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, reviewShot, settled } from './helpers';
import { layoutProblems } from './layout-check';
import { oneScreen } from './one-screen';
import {
  atStep,
  inFreshPage,
  lessonsOfPart,
  lessonsOnPage,
  PARTS,
  partName,
  predict,
} from './lesson-drive';

/**
 * One step of each lesson the page lists, English and Spanish, opened by deep link with its
 * prediction answered (so the explanation shows): a clean layout at a laptop and a phone size,
 * the step's text, the machine and what the step points to on one screen at the laptop size,
 * dark theme at the phone size, and a screenshot in test-results/screens/lessons/ to look at.
 */
const STEP = 2;

for (let part = 0; part < PARTS; part++) {
  for (const lang of ['en', 'es'] as const) {
    test(`${partName(part)} step ${STEP} (${lang}): clean layout at 1280×800 and 390×844`, async ({
      page,
      browser,
    }) => {
      const lessons = lessonsOfPart(await lessonsOnPage(page), part);
      expect(lessons.length, 'the lesson list offers lessons').toBeGreaterThan(0);
      test.setTimeout(lessons.length * 30_000);
      for (const slug of lessons) {
        await test.step(slug, () => inFreshPage(browser, (fresh) => screens(fresh, slug, lang)));
      }
    });
  }
}

async function screens(page: Page, slug: string, lang: 'en' | 'es'): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/?lesson=${slug}&step=${STEP}&lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await atStep(page, STEP);
  await predict(page);
  await page.getByTestId('hint-button').click();
  for (const [w, h, theme] of [
    [1280, 800, 'light'],
    [390, 844, 'dark'],
  ] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.setViewportSize({ width: w, height: h });
    await frames(page, 5);
    await settled(page);
    await reviewShot(page, {
      path: `test-results/screens/lessons/${slug}-${lang}-${w}.png`,
      fullPage: true,
    });
    expect(await layoutProblems(page), `${slug} ${w}×${h}`).toEqual([]);
    // Every lesson, not only the three walked step by step: one screen at the laptop size.
    if (w === 1280) await oneScreen(page, `${slug} step ${STEP} (${lang})`);
  }
}

/** The pages around the steps: the quiz, the finish screen, the lesson list and the glossary. */
for (const lang of ['en', 'es'] as const) {
  test(`quiz, finish, lesson list and glossary (${lang}): clean layout, no axe violations`, async ({
    page,
  }) => {
    const check = async (name: string) => {
      await frames(page, 3);
      await settled(page);
      await reviewShot(page, { path: `test-results/screens/lessons/${name}-${lang}.png` });
      expect(await layoutProblems(page), name).toEqual([]);
      expect(await axeViolations(page), name).toEqual([]);
    };
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?lesson=roots&step=6&lang=${lang}`);
    await atStep(page, 6);
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('lesson-quiz')).toBeVisible();
    await page.getByTestId('quiz-choice-1-1').check();
    await page.getByTestId('quiz-choice-2-2').check();
    await page.getByTestId('lesson-quiz').scrollIntoViewIfNeeded();
    await check('quiz');
    await page.getByTestId('quiz-finish').click();
    await expect(page.getByTestId('lesson-finish')).toBeVisible();
    await check('finish');
    await page.getByTestId('lessons-open').click();
    await expect(page.getByTestId('lesson-list')).toBeVisible();
    await check('list');
    await page.locator('[data-glossary]').first().click();
    await expect(page.getByTestId('glossary-dialog')).toBeVisible();
    await check('glossary');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('glossary-dialog')).toBeHidden();
  });
}
