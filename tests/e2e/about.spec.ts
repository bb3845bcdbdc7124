import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, settled } from './helpers';
import { layoutProblems } from './layout-check';

/**
 * The About / Sources page (issue 6): reachable from the header, loaded only when opened, in
 * English and Spanish; every fact section with its source link, the uncertain facts, licence and
 * citation; a clean layout at a laptop and a phone size; no axe violations; screenshots in
 * test-results/screens/about/ to look at.
 */
const FACT_SECTIONS = 18;
const UNCERTAIN = 11;

async function check(page: Page, name: string, axe = false): Promise<void> {
  await frames(page, 3);
  await settled(page);
  await page.screenshot({ path: `test-results/screens/about/${name}.png` });
  expect(await layoutProblems(page), name).toEqual([]);
  if (!axe) return;
  // The dialog only: the page behind it is inert, and the other specs check it.
  expect(await axeViolations(page, '[data-testid="about-dialog"]'), name).toEqual([]);
}

for (const lang of ['en', 'es'] as const) {
  test(`About (${lang}): sources, uncertain facts, licence and citation; lazy, clean, accessible`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (/AboutDialog/.test(r.url())) chunks.push(r.url());
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?testhooks&lang=${lang}`);
    await page.waitForFunction(() => window.__mklab?.phase() === 'running');
    await page.evaluate(() => window.__mklab?.setPlaying(false));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Offline-ready first, so the page can say so.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(chunks, 'the About code loads only when opened').toEqual([]);

    const open = page.getByTestId('about-open');
    await open.click();
    const dialog = page.getByTestId('about-dialog');
    await expect(dialog).toBeVisible();
    expect(chunks.length).toBeGreaterThan(0);
    await expect(page.getByTestId('about-close')).toBeFocused();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
      lang === 'en' ? 'About Multikernel Lab' : 'Acerca de Multikernel Lab',
    );
    await expect(page.getByTestId('about-offline')).toHaveAttribute('data-state', 'ready');

    // Every fact section: its title from the catalog and a link to its source.
    const facts = dialog.locator('[data-fact]');
    await expect(facts).toHaveCount(FACT_SECTIONS);
    for (const f of await facts.all()) {
      await expect(f.locator('.about-fact-title')).not.toContainText('facts.');
      await expect(f.locator('a')).toHaveAttribute('href', /^https?:\/\//);
    }
    await expect(dialog.locator('[data-fact="1.9"]')).toContainText('4096');
    await expect(page.getByTestId('about-uncertain').locator('li')).toHaveCount(UNCERTAIN);
    await expect(page.getByTestId('about-uncertain')).toContainText('2 µs');
    await expect(page.getByTestId('about-citation')).toContainText('Multikernel Lab contributors');
    await expect(page.getByTestId('about-citation')).toContainText('0.1.0');
    await expect(dialog.locator('pre')).toContainText('@software{multikernel_lab');

    await check(page, `about-${lang}-1280`, true);
    // The end of the dialog: licence and citation.
    await dialog.locator('pre').scrollIntoViewIfNeeded();
    await check(page, `about-${lang}-1280-end`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await dialog.locator('[data-fact="1.5"]').scrollIntoViewIfNeeded();
    await check(page, `about-${lang}-390-dark`, true);
    // Everything at once, to read.
    await page.setViewportSize({ width: 1280, height: 3200 });
    await frames(page, 3);
    await page.screenshot({ path: `test-results/screens/about/about-${lang}-all.png` });

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });
}
