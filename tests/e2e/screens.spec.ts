import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, openLab, play, reviewShot, settled } from './helpers';
import { layoutProblems } from './layout-check';

const PRESETS = [
  'two-kernels',
  'monolithic',
  'web-db',
  'realtime',
  'noisy-neighbour',
  'datacenter',
];
const LANGS = ['en', 'es'] as const;

/** Every preset, both languages: layout at a laptop and a phone size, axe (both themes in English). */
for (const preset of PRESETS) {
  for (const lang of LANGS) {
    test(`${preset} (${lang}): clean layout at 1280×800 and 390×844; no axe violations${lang === 'en' ? ', light and dark' : ''}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openLab(page, `&scenario=${preset}&lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Let the machine run a little, then hold it still so the check sees one stable picture.
      await play(page);
      await expect.poll(() => page.evaluate(() => window.__mklab?.t() ?? 0)).toBeGreaterThan(0);
      await page.evaluate(() => window.__mklab?.setPlaying(false));
      await frames(page, 5);
      // Both themes in English; in Spanish the light one: the themes' colours are the same in
      // both languages, and axe's one check that depends on them (contrast) need not run twice.
      for (const theme of lang === 'en' ? (['light', 'dark'] as const) : (['light'] as const)) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        await frames(page, 2);
        expect(await axeViolations(page), `${theme} theme`).toEqual([]);
      }
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      // Every collapsible group open, so the check covers all the forms too.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      for (const [w, h] of [
        [1280, 800],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await frames(page, 5);
        await settled(page);
        await reviewShot(page, {
          path: `test-results/screens/${preset}-${lang}-${w}.png`,
          fullPage: true,
        });
        expect(await layoutProblems(page), `${w}×${h}`).toEqual([]);
      }
    });
  }
}
