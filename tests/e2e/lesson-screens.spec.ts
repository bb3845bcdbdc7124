import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, reviewShot, settled } from './helpers';
import { layoutProblems } from './layout-check';
import { SCREEN_STEP, stepScreens } from './step-screens';
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
 * One step of each lesson the page lists, in Spanish, opened by deep link with its prediction
 * answered (so the explanation shows): see `stepScreens`. The English half is done inside
 * lessons-walk.spec.ts, which stands at that step of every lesson anyway.
 */
for (let part = 0; part < PARTS; part++) {
  const lang = 'es';
  test(`${partName(part)} step ${SCREEN_STEP} (${lang}): clean layout at 1280×800 and 390×844`, async ({
    page,
    browser,
  }) => {
    const lessons = lessonsOfPart(await lessonsOnPage(page), part);
    expect(lessons.length, 'the lesson list offers lessons').toBeGreaterThan(0);
    test.setTimeout(lessons.length * 30_000);
    for (const slug of lessons) {
      await test.step(slug, () =>
        inFreshPage(browser, async (fresh) => {
          await fresh.setViewportSize({ width: 1280, height: 800 });
          await fresh.goto(`/?lesson=${slug}&step=${SCREEN_STEP}&lang=${lang}`);
          await expect(fresh.locator('html')).toHaveAttribute('lang', lang);
          await atStep(fresh, SCREEN_STEP);
          await predict(fresh);
          await stepScreens(fresh, slug, lang);
        }),
      );
    }
  });
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
