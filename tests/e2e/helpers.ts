import type {} from '../../src/app/test-hooks';
import { expect, type Page, type PageScreenshotOptions } from '@playwright/test';

/**
 * A screenshot kept for a person to look at (test-results/screens/…), asserting nothing. `npm test`
 * sets E2E_SHOTS=0 and skips them: in the sweeps over every lesson and preset they were a fifth of
 * the time; `npm run test:e2e` (or a single spec) makes them.
 */
export async function reviewShot(page: Page, opts: PageScreenshotOptions): Promise<void> {
  if (process.env.E2E_SHOTS !== '0') await page.screenshot(opts);
}

/** Wait for `n` animation frames in the page: time passes by frames, not by a wall-clock sleep. */
export async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const step = () => (++seen >= count ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    n,
  );
}

/** Open the lab with test hooks and wait for the machine; an uncaught error on the way fails. */
export async function openLab(page: Page, query = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/?testhooks${query}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  expect(errors, 'uncaught errors while the lab opened').toEqual([]);
}

/**
 * Press Play, as a learner does: the lab opens paused (issue 14: nothing runs before the learner
 * asks), so a test that needs simulated time to pass starts it.
 */
export async function play(page: Page): Promise<void> {
  const toggle = page.getByTestId('play-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

/** Wait until no finite animation or transition is running (a resize makes the machine view glide). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

/** Open a collapsible group of the sandbox (a <details>) if it is closed. */
export async function openGroup(page: Page, id: string): Promise<void> {
  const group = page.getByTestId(id);
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open)))
    await group.locator('summary').first().click();
}

/**
 * Scroll to a part below the first screen, as a learner does: while the machine plays, the parts
 * there come when their box nears the window (src/ui/Later.tsx), not before.
 */
export async function reach(page: Page, part: 'shell' | 'sandbox'): Promise<void> {
  // The workspace is drawn again when a machine boots: a box found just then may be replaced.
  const box = page.locator(`.${part}-area`).first();
  await expect(() => box.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
}

/** Type a line into the shell panel as a user does, and wait for its transcript entry. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await reach(page, 'shell');
  const input = page.getByTestId('shell-input');
  await input.click();
  await input.pressSequentially(line);
  await input.press('Enter');
  await expect(page.getByTestId('shell-entry').last()).toHaveAttribute('data-line', line);
  // A line blocked in a system call (kerf load/start/kill): the prompt comes back on its answer.
  await expect(page.getByTestId('shell-waiting')).toHaveCount(0, { timeout: 15_000 });
}
