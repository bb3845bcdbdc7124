import { expect, test, type Page } from '@playwright/test';
import { openLab, reviewShot } from './helpers';
import { atStep } from './lesson-drive';
import { doStep, oneScreen, type Box } from './one-screen';

// Issue 12: lessons 1, 5 and 9 walked by what their screens say, at two desktop sizes and a
// phone. Desktop: at every step the step text, the machine and what the step asks for are in
// the window together, the page never scrolls. Phone: the task sits right under the machine, and
// the inspector's sheet never covers the part of the machine just selected. Screenshots of every
// step are kept in screenshots/one-screen/.

const LESSONS = ['one-kernel-owns-everything', 'crash-containment', 'what-it-does-not-protect'];
const SIZES = [
  { name: '1280x800', width: 1280, height: 800, wide: true },
  { name: '1920x1080', width: 1920, height: 1080, wide: true },
  { name: '390x844', width: 390, height: 844, wide: false },
] as const;

for (const size of SIZES) {
  for (const slug of LESSONS) {
    test(`${slug} at ${size.name}: one screen per step`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await openLab(page, `&lesson=${slug}`);
      await atStep(page, 1);
      const steps = Number(
        await page.getByTestId('lesson-step').locator('progress').getAttribute('max'),
      );
      for (let n = 1; n <= steps; n++) {
        const label = `${slug} step ${n} at ${size.name}`;
        await atStep(page, n);
        if (size.wide) await oneScreen(page, label);
        else await taskUnderMachine(page, label);
        await doStep(page, n, label, size.wide);
        await reviewShot(page, { path: `screenshots/one-screen/${size.name}-${slug}-s${n}.png` });
        if (n < steps) await page.getByTestId('step-next').click();
      }
    });
  }
}

/** Phone: the lesson's panel begins right under the machine (no other panel between). */
async function taskUnderMachine(page: Page, label: string) {
  const stage = (await page.locator('#stage').boundingBox()) as Box;
  const panel = (await page.getByTestId('lesson-panel').boundingBox()) as Box;
  const gap = panel.y - (stage.y + stage.height);
  expect(gap, `${label}: px between the machine and the step`).toBeGreaterThanOrEqual(0);
  expect(gap, `${label}: px between the machine and the step`).toBeLessThanOrEqual(32);
}
