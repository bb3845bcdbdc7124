import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { bigMachinePath, pageEngine } from './big-machine';

// Issue 11, "Big machines": the biggest machine the lab takes (256 CPUs, 128 kernels) opens from
// its link, plays, and stays a page a person can use: not drowned in elements, every CPU and
// kernel still a button the keyboard reaches and the inspector opens. Waits are on the page's
// state or simulated time, never on a sleep.

/**
 * At most this many elements on the page while the big machine plays, its charts drawn. What it
 * needs: a CPU cell is 4–8 elements and a kernel's group about 25 (its frame, its head with the
 * ring gauge, its processes), so the machine view is about 4,800 with the memory map; the
 * timeline about 10 per lane and kernel (2,600); a chart card per workload about 27 (3,400); the
 * side panel, the controls and the open sandbox group about 1,000. About 11,800 in all: the bound
 * leaves 10 % for traffic and happenings. Before issue 11 the same page had 16,600, every closed
 * sandbox group listing the 128 kernels and 256 CPUs in its choices.
 */
const MAX_ELEMENTS = 13_000;

const simT = (page: Page) => page.evaluate(() => window.__mklab?.t() ?? 0);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(bigMachinePath(await pageEngine(page)));
  await page.waitForFunction(
    () => window.__mklab?.phase() === 'running' && window.__mklab.view()?.instances.length === 128,
    null,
    { timeout: 30_000 },
  );
});

test('the big machine opens from its link and plays, within the element bound', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await expect(page.getByTestId('machine-view')).toBeVisible();
  await expect(page.locator('[data-select-kind="cpu"]')).toHaveCount(256);
  await expect(page.locator('[data-select-kind="kernel"]')).toHaveCount(128);
  await page.evaluate(() => {
    window.__mklab?.speed(8);
    window.__mklab?.setPlaying(true);
  });
  const start = await simT(page);
  // 300 ms of simulated time (the charts' windows are 100 ms: every chart has its points). The
  // page's clock says so, and the traffic between the kernels is drawn, bundled into one arrow
  // per pair of kernels: far too much for a dot per message.
  await expect
    .poll(() => page.getByTestId('sim-time').getAttribute('data-ns').then(Number), {
      timeout: 60_000,
    })
    .toBeGreaterThan(start + 300_000_000);
  await expect
    .poll(() => page.getByTestId('ipi-layer').getAttribute('data-aggregated').then(Number))
    .toBeGreaterThan(50);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  expect(elements).toBeLessThanOrEqual(MAX_ELEMENTS);
});

test('a CPU and a kernel of the big machine are buttons the keyboard reaches and inspects', async ({
  page,
}) => {
  // Named for the words they show first (label in name), so a voice user can say them too.
  const machine = page.getByTestId('machine-view');
  const cpu = machine.getByRole('button', { name: /^CPU 200\b/ });
  const kernel = machine.getByRole('button', { name: /^k100 · 100\b/ });
  await expect(cpu).toHaveCount(1);
  await expect(kernel).toHaveCount(1);
  // In the tab order, one after the other: Tab from CPU 199 reaches CPU 200.
  await page.getByTestId('cpu-199').focus();
  await page.keyboard.press('Tab');
  await expect(cpu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspect-cpu')).toContainText('CPU 200');
  await expect(cpu).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('group-k99').focus();
  await page.keyboard.press('Tab');
  await expect(kernel).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('inspect-kernel')).toHaveAttribute('data-kernel', 'k100');
  await expect(kernel).toHaveAttribute('aria-pressed', 'true');

  // axe's checks (label in name among them) on both, as they stand selected.
  expect(await axeViolations(page, '[data-testid="cpu-200"], [data-testid="group-k100"]')).toEqual(
    [],
  );
});
