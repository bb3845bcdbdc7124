import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { frames, openLab, typeLine } from './helpers';

// The shell panel, typed into as a user would. Every wait is on the page's state (the transcript,
// a kernel's data-state), never on the wall clock.

const SHOTS = 'test-results/shell';
/** Simulated time must pass for loads, boots and halts: generous, but it is a state wait. */
const STATE = { timeout: 30_000 };

const lastOutput = (page: Page) => page.getByTestId('shell-entry').last().locator('pre');
const group = (page: Page, name: string) => page.getByTestId(`group-${name}`);

async function kernelIs(page: Page, name: string, state: string): Promise<void> {
  await expect(group(page, name)).toHaveAttribute('data-state', state, STATE);
}

test('a full session: create, load, exec, iomem, panic, dmesg, kill --force, Tab, ↑, a typo, re-exec', async ({
  page,
}) => {
  // A long session of state waits: a higher ceiling than the default 30 s (not a sleep).
  test.setTimeout(120_000);
  await openLab(page);
  await page.evaluate(() => window.__mklab?.setPlaying(true));
  await kernelIs(page, 'alpha', 'active');

  // The two-kernels machine lends CPUs 4–7 to alpha and beta: give the pool CPU 3 and 1 GiB more.
  await typeLine(page, 'kerf init --cpus=3-7 --memory=5GB');
  await expect(lastOutput(page)).toContainText('✓ Pool updated (transaction 1)');
  await typeLine(page, 'kerf create db --cpus=3 --memory=1GB');
  await expect(lastOutput(page)).toContainText("✓ Created instance 'db'");
  await kernelIs(page, 'db', 'ready');
  await typeLine(page, 'kerf load db --kernel=/boot/vmlinuz');
  await kernelIs(page, 'db', 'loaded');
  await typeLine(page, 'kerf start db');
  await kernelIs(page, 'db', 'active');

  await typeLine(page, 'cat /proc/iomem');
  await expect(lastOutput(page)).toContainText(': Multikernel Memory Pool');
  await expect(lastOutput(page)).toContainText(': System RAM');

  // A panic halts db alone: alpha and beta run on.
  await typeLine(page, 'mklab panic db');
  await kernelIs(page, 'db', 'loaded');
  for (const other of ['alpha', 'beta']) {
    await expect(group(page, other)).toHaveAttribute('data-state', 'active');
    await expect(group(page, other)).toHaveAttribute('data-panicked', 'false');
  }
  await typeLine(page, 'dmesg');
  await expect(lastOutput(page)).toContainText(/Instance \d+ \(db\) halted, CPUs parking in pool/);

  // A hung kernel ignores the graceful halt; the forced one (NMI) stops it.
  await typeLine(page, 'mklab lockup beta');
  await expect(group(page, 'beta')).toHaveAttribute('data-hung', 'true', STATE);
  await typeLine(page, 'kerf kill --force beta');
  await kernelIs(page, 'beta', 'loaded');
  await expect(group(page, 'beta')).toHaveAttribute('data-hung', 'false');

  // Tab completes an instance name; ↑ recalls the last line.
  const input = page.getByTestId('shell-input');
  await input.click();
  await input.pressSequentially('kerf show d');
  await input.press('Tab');
  await expect(input).toHaveValue('kerf show db ');
  await input.fill('');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kerf kill --force beta');
  await input.fill('');

  // A typo gets a suggestion.
  await typeLine(page, 'kerv show');
  await expect(lastOutput(page)).toContainText('kerv: command not found');
  await expect(lastOutput(page)).toContainText('Did you mean: kerf');

  // Re-exec: the panicked kernel boots again.
  await typeLine(page, 'kerf start db');
  await kernelIs(page, 'db', 'active');
  await typeLine(page, 'cat /sys/fs/multikernel/instances/db/status');
  await expect(lastOutput(page)).toHaveText('active');

  // Screenshots of the session, in English and in Spanish (prose translated, kernel text not).
  // Pause first, so the page holds still; `-panel` is the panel as seen, `-session` the whole
  // transcript (its scroll limit lifted for the picture).
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  mkdirSync(SHOTS, { recursive: true });
  const panel = page.getByTestId('shell-panel');
  const shoot = async (lang: string) => {
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/shell-panel-${lang}.png` });
    await page.getByTestId('shell-output').evaluate((el) => {
      (el as HTMLElement).style.maxHeight = 'none';
    });
    await panel.screenshot({ path: `${SHOTS}/shell-session-${lang}.png` });
    await page.getByTestId('shell-output').evaluate((el) => {
      (el as HTMLElement).style.maxHeight = '';
    });
  };
  await shoot('en');
  await page.getByTestId('lang').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Terminal' })).toBeVisible();
  await expect(page.getByTestId('shell-output')).toContainText('¿Querías decir kerf?');
  await expect(page.getByTestId('shell-output')).toContainText('CPUs parking in pool');
  await shoot('es');
});

test('errors are shaped like the real tools and change nothing', async ({ page }) => {
  await openLab(page);
  await typeLine(page, 'kerf create web2 --cpus=5 --memory=1GB');
  await expect(lastOutput(page)).toContainText('CPU 5 is already owned by instance 1 (alpha)');
  await typeLine(page, 'kerf create x --cpus=9-2 --memory=1GB');
  await expect(lastOutput(page)).toContainText('Invalid CPU range: 9 > 2');
  await typeLine(page, 'echo 1 > /proc/iomem');
  await expect(lastOutput(page)).toContainText('/proc/iomem: Permission denied');
  await typeLine(page, 'kerf start zz');
  await expect(lastOutput(page)).toContainText("Instance 'zz' not found");
  await expect(page.getByTestId('shell-entry').last()).toHaveAttribute('data-exit', '1');
  await expect(page.getByTestId('group-web2')).toHaveCount(0);
  await expect(page.getByTestId('group-x')).toHaveCount(0);
  // Ctrl-L clears the transcript (not the machine).
  await page.getByTestId('shell-input').press('Control+l');
  await expect(page.getByTestId('shell-entry')).toHaveCount(0);
  await expect(group(page, 'alpha')).toHaveAttribute('data-state', 'active');
});

test('on a 360 px screen long output wraps inside the panel, text stays ≥ 12 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openLab(page);
  await typeLine(page, 'kerf show');
  await expect(lastOutput(page)).toContainText('Multikernel Instances');
  const sizes = await page.evaluate(() => {
    const px = (sel: string) =>
      parseFloat(getComputedStyle(document.querySelector(sel) as Element).fontSize);
    return {
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      out: px('[data-testid="shell-output"] pre'),
      input: px('[data-testid="shell-input"]'),
    };
  });
  expect(sizes.scroll).toBeLessThanOrEqual(0);
  expect(sizes.out).toBeGreaterThanOrEqual(12);
  expect(sizes.input).toBeGreaterThanOrEqual(12);
});

test('the panel has no axe violations, light and dark, with output and errors in it', async ({
  page,
}) => {
  await openLab(page);
  await typeLine(page, 'kerf show alpha');
  await typeLine(page, 'kerv');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((th) => {
      document.documentElement.dataset.theme = th;
    }, theme);
    expect(await axeViolations(page, '[data-testid="shell-panel"]'), `${theme} theme`).toEqual([]);
  }
});

test('a worker restart replays the shell lines: the rebuilt machine is the same', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLab(page);
  await page.evaluate(() => window.__mklab?.setPlaying(true));
  await typeLine(page, 'mklab panic beta');
  await kernelIs(page, 'beta', 'loaded');
  await typeLine(page, 'kerf start beta');
  await kernelIs(page, 'beta', 'active');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  const snap = () =>
    page.evaluate(async () => ({ hash: await window.__mklab?.hash(), t: window.__mklab?.t() }));
  await frames(page, 5); // the frame in flight lands; paused, the clock stands still
  const before = await snap();
  await page.evaluate(() => window.__mklab?.hangWorker());
  await expect.poll(() => page.evaluate(() => window.__mklab?.restarts()), STATE).toBe(1);
  await expect.poll(() => page.evaluate(() => window.__mklab?.phase()), STATE).toBe('running');
  expect(await snap()).toEqual(before);
  await expect(group(page, 'beta')).toHaveAttribute('data-state', 'active');
  // The transcript is the page's: it survives the restart.
  await expect(page.getByTestId('shell-entry')).toHaveCount(2);
});
