import type {} from '../../src/app/test-hooks';
import { expect, test, type Page } from '@playwright/test';
import { lessonsOnPage } from './lesson-drive';
import { reviewShot } from './helpers';

// Issue 12: every step of every lesson, in each of the embed's modes. A task the embed shows
// must have every control it uses on the page (`data-control`); a task whose controls the mode
// lacks is replaced by what the reader can do there — "show me", which starts the step's
// script, and the app at this very step — and names only what is really missing. What to look
// at, when it points to something not drawn here, says so.

const MODES = ['none', 'minimal', 'full'] as const;
const STATE = { timeout: 20_000 };

/** The worker stands at step k and the frame shows it (the full player loads on demand). */
async function atStep(page: Page, mode: (typeof MODES)[number], k: number): Promise<void> {
  await page.waitForFunction((k) => window.__mklab?.lesson()?.step === k, k, STATE);
  const shown = mode === 'full' ? 'lesson-step' : 'embed-step';
  await expect(page.locator(`[data-testid="${shown}"][data-step="${k + 1}"]`)).toBeVisible(STATE);
}

async function walk(page: Page, mode: (typeof MODES)[number], slug: string) {
  await page.goto(`/embed.html?lesson=${slug}&controls=${mode}&testhooks&lang=en`);
  await atStep(page, mode, 0);
  let triedShowMe = false;
  const steps = await page.evaluate(() => window.__mklab!.lesson()!.steps);
  for (let k = 0; k < steps; k++) {
    const label = `${slug} step ${k + 1}, controls=${mode}`;
    if (k > 0) {
      await page.locator('body').evaluate((b) => {
        (document.activeElement as HTMLElement | null)?.blur();
        b.focus();
      });
      await page.keyboard.press('ArrowRight');
      await atStep(page, mode, k);
    }
    // What the step declares it uses and points to (src/content/controls.ts), as the page has it.
    const shown = page.locator(`[data-testid="${mode === 'full' ? 'lesson-step' : 'embed-step'}"]`);
    const words = async (a: string) =>
      ((await shown.getAttribute(a)) ?? '').split(' ').filter(Boolean);
    const step = { uses: await words('data-uses'), sees: await words('data-sees') };
    const goals = await page.evaluate(() => window.__mklab!.lesson()!.met.length);
    // The full player holds "what to look at" back until the reader predicts.
    const predict = page.getByTestId('predict-choice-1');
    if (mode === 'full' && (await predict.count()) > 0) await predict.check();
    const elsewhere = page.getByTestId('task-elsewhere');
    if ((await elsewhere.count()) === 0) {
      for (const c of step.uses)
        await expect(page.locator(`[data-control="${c}"]`).first(), `${label}: ${c}`).toBeVisible();
    } else {
      const missing = ((await elsewhere.getAttribute('data-missing')) ?? '').split(' ');
      expect(missing.length, label).toBeGreaterThan(0);
      for (const c of missing)
        expect(await page.locator(`[data-control="${c}"]`).count(), `${label}: lacks ${c}`).toBe(0);
      await expect(page.getByTestId('elsewhere-open')).toHaveAttribute(
        'href',
        new RegExp(`lesson=${slug}&step=${k + 1}&`),
      );
      const show = page.getByTestId(mode === 'full' ? 'show-me' : 'elsewhere-show-me');
      await expect(show, `${label}: show me`).toBeEnabled();
      if (!triedShowMe && goals > 0) {
        // Once a lesson: "show me" plays the step's script here, with the clock running.
        const before = await page.evaluate(() => window.__mklab!.logLength());
        await show.click();
        await page.waitForFunction(
          (n) => window.__mklab!.logLength() > n || window.__mklab!.lesson()!.scriptLeft > 0,
          before,
          STATE,
        );
        triedShowMe = true;
        if (slug === 'crash-containment')
          await reviewShot(page, { path: `test-results/screens/embed/elsewhere-${mode}.png` });
      }
    }
    // What to look at shows in the full player only once the prediction is made.
    if ((await page.locator('#ls-observe, .em-observe').count()) === 0) continue;
    const unseen = page.getByTestId('seen-elsewhere');
    const told =
      (await unseen.count()) > 0 ? ((await unseen.getAttribute('data-missing')) ?? '') : '';
    for (const c of step.sees) {
      if (told.split(' ').includes(c)) continue;
      await expect(
        page.locator(`[data-control="${c}"]`).first(),
        `${label}: sees ${c}`,
      ).toBeAttached();
    }
  }
}

for (const mode of MODES) {
  test(`every lesson step embedded with controls=${mode} offers only what the embed holds`, async ({
    page,
  }) => {
    test.setTimeout(400_000);
    await page.setViewportSize({ width: 900, height: 700 });
    for (const slug of await lessonsOnPage(page)) await walk(page, mode, slug);
    await reviewShot(page, { path: `test-results/screens/embed/surfaces-${mode}.png` });
  });
}
