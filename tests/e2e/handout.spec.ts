import type {} from '../../src/app/test-hooks';
import { expect, test } from '@playwright/test';

// Issue 13, "for slides and paper": a lesson printed as a handout — per step its question, the
// real machine at that step, and space to write; none of the app's controls on paper.

const SLUG = 'crash-containment';
const STATE = { timeout: 60_000 };
const SHOTS = 'test-results/screens/handout';
// The test reads each picture's file back (a blob: URL) to see which step it shows; the page's
// CSP (connect-src 'self') refuses that fetch. The shipped CSP is tested in csp.spec.ts.
test.use({ bypassCSP: true });

test('Print handout turns the lesson into one printed page per step, without app controls', async ({
  page,
}) => {
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  const before = await page.evaluate(() => ({
    log: window.__mklab?.logLength(),
    step: window.__mklab?.lesson()?.step,
    steps: window.__mklab?.lesson()?.steps ?? 0,
  }));
  expect(before.steps).toBeGreaterThan(2);

  // Printing the page itself (no handout) prints the machine and the lesson, not the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('svg[data-testid="machine-view"]')).toBeVisible();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.locator('.top-tools')).toBeHidden();
  await expect(page.locator('.controls.pb')).toBeHidden();
  await expect(page.getByTestId('show-me')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // In the dark theme, the paper still gets light pictures (a dark slide wastes ink).
  await page.evaluate(() => window.__mklab?.prefs({ theme: 'dark' }));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Reached from the keyboard: focus the control, press Enter.
  await page.getByTestId('handout-open').focus();
  await page.keyboard.press('Enter');
  const handout = page.getByTestId('handout');
  await expect(handout).toBeVisible();
  await expect(page.getByTestId('handout-print')).toBeEnabled(STATE);
  await expect(page.getByTestId('handout-print')).toBeFocused();

  const sections = handout.getByTestId('handout-step');
  await expect(sections).toHaveCount(before.steps);
  const pictures = await handout.getByTestId('handout-picture').evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((img) => ({
      loaded: img.complete && img.naturalWidth > 0,
      ratio: img.naturalWidth / img.naturalHeight,
      src: img.src,
    })),
  );
  expect(pictures).toHaveLength(before.steps);
  for (const p of pictures) {
    expect(p.loaded).toBe(true);
    expect(p.ratio).toBeCloseTo(16 / 9, 2);
  }
  // Each picture is that step's machine: the caption drawn in it names the step.
  for (const [k, p] of pictures.entries()) {
    const text = await page.evaluate((src) => fetch(src).then((r) => r.text()), p.src);
    expect(text).toContain(`Step ${k + 1} of ${before.steps}:`);
    expect(text).toContain('data-pane="machine"');
    expect(text).toMatch(/<rect x="0" y="0" width="1920" height="1080" fill="(#fff|#ffffff)"\/>/);
  }
  for (const [k, q] of (await handout.getByTestId('handout-question').allTextContents()).entries())
    expect(q, `step ${k + 1}`).toMatch(/^Predict: .{10,}/);
  // The learner's own machine was not touched.
  expect(
    await page.evaluate(() => ({
      log: window.__mklab?.logLength(),
      step: window.__mklab?.lesson()?.step,
      steps: window.__mklab?.lesson()?.steps ?? 0,
    })),
  ).toEqual(before);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('handout-print')).toBeHidden();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  await expect(page.locator('svg[data-testid="machine-view"]')).toBeHidden();
  await expect(sections.first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-media.png` });

  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: `${SHOTS}/handout.pdf` });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  // One page per step (the title shares the first page).
  expect(pages).toBe(before.steps);
  await page.emulateMedia({ media: 'screen' });

  // Esc closes it and gives the page back.
  await page.keyboard.press('Escape');
  await expect(handout).toHaveCount(0);
  await expect(page.getByTestId('handout-open')).toBeFocused();
});
