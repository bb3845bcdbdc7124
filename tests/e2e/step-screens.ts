import { expect, type Page } from '@playwright/test';
import { frames, reviewShot, settled } from './helpers';
import { layoutProblems } from './layout-check';
import { oneScreen } from './one-screen';

/** The step the layout sweeps look at in every lesson: its prediction answered, its hint open. */
export const SCREEN_STEP = 2;

/**
 * A lesson step as a learner reads it, prediction answered (so the explanation shows) and the
 * hint open: a clean layout at a laptop (light theme) and a phone (dark theme), and the step's
 * text, the machine and what it points to on one screen at the laptop size. The page is left at
 * the size and theme it had.
 */
export async function stepScreens(page: Page, slug: string, lang: 'en' | 'es'): Promise<void> {
  const before = page.viewportSize();
  const themeBefore = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
  // Nothing selected, as a deep link opens the step: on a phone the inspector's sheet of a part
  // selected in an earlier step covers the machine, which the layout check would rightly flag.
  const clear = page.getByTestId('inspector-clear');
  if (await clear.isVisible()) await clear.click();
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
    if (w === 1280) await oneScreen(page, `${slug} step ${SCREEN_STEP} (${lang})`);
  }
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), themeBefore);
  if (before) await page.setViewportSize(before);
  await frames(page, 2);
}
