import { expect, test, type Page } from '@playwright/test';
import { frames, openLab, reviewShot, settled } from './helpers';
import { atStep } from './lesson-drive';
import { doStep, oneScreen } from './one-screen';

// Issue 12: lessons 1, 5 and 9 walked by what their screens say, at two desktop sizes and a
// phone. Desktop: at every step the step text, the machine and what the step asks for are in
// the window together, the page never scrolls. Phone: the task sits right under the machine, and
// the inspector's sheet never covers the part of the machine just selected. Screenshots of every
// step are kept in screenshots/one-screen/.
// The two desktop sizes share one walk: at each step the window is 1920×1080, then 1280×800, the
// step is done at 1280×800 (where the shell line must be in the window too), then 1920×1080 again.
// Two walks cost a minute of npm test's twenty; what differs is the shell line, seen at 1280 only.

const LESSONS = ['one-kernel-owns-everything', 'crash-containment', 'what-it-does-not-protect'];
const DESKTOP = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x800', width: 1280, height: 800 },
] as const;
const PHONE = { name: '390x844', width: 390, height: 844 } as const;

for (const wide of [true, false]) {
  const sizes = wide ? DESKTOP : [PHONE];
  // The size the step is done at: the smaller desktop (the tighter fit), or the phone.
  const doneAt = wide ? DESKTOP[1] : PHONE;
  for (const slug of LESSONS) {
    test(`${slug} at ${sizes.map((s) => s.name).join(' and ')}: one screen per step`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const at = async (s: (typeof sizes)[number]) => {
        const v = page.viewportSize();
        if (v?.width === s.width && v.height === s.height) return s.name;
        await page.setViewportSize({ width: s.width, height: s.height });
        // The machine is measured after a resize and glides to its new size: look once it is there.
        await frames(page, 5);
        await settled(page);
        return s.name;
      };
      await at(doneAt);
      await openLab(page, `&lesson=${slug}`);
      await atStep(page, 1);
      const steps = Number(
        await page.getByTestId('lesson-step').locator('progress').getAttribute('max'),
      );
      for (let n = 1; n <= steps; n++) {
        await atStep(page, n);
        for (const s of sizes) {
          const label = `${slug} step ${n} at ${await at(s)}`;
          if (wide) await oneScreen(page, label);
          else await taskUnderMachine(page, label);
        }
        await doStep(page, n, `${slug} step ${n} at ${doneAt.name}`, wide);
        await reviewShot(page, {
          path: `screenshots/one-screen/${doneAt.name}-${slug}-s${n}.png`,
        });
        for (const s of sizes.filter((s) => s !== doneAt)) {
          await oneScreen(page, `${slug} step ${n} at ${await at(s)} (done)`);
          await reviewShot(page, { path: `screenshots/one-screen/${s.name}-${slug}-s${n}.png` });
        }
        if (n < steps) await page.getByTestId('step-next').click();
      }
    });
  }
}

/**
 * Phone: the lesson's panel begins right under the machine (no other panel between). Read once
 * the machine is drawn for its measured width, and both boxes in one go: the machine is first
 * drawn for a guessed width and again a moment later, taller on a phone, and two reads on either
 * side of that moment measured a gap that never was on screen.
 */
async function taskUnderMachine(page: Page, label: string) {
  await page.locator('#stage .mk-measure[data-measured]:not(.mk-still)').first().waitFor();
  const { stageBottom, panelTop } = await page.evaluate(() => ({
    stageBottom: document.querySelector('#stage')?.getBoundingClientRect().bottom ?? NaN,
    panelTop:
      document.querySelector('[data-testid="lesson-panel"]')?.getBoundingClientRect().top ?? NaN,
  }));
  const gap = panelTop - stageBottom;
  expect(gap, `${label}: px between the machine and the step`).toBeGreaterThanOrEqual(0);
  expect(gap, `${label}: px between the machine and the step`).toBeLessThanOrEqual(32);
}
