import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { frames, openGroup, openLab, play, reach } from './helpers';

const simT = (page: Page) => page.evaluate(() => window.__mklab?.t() ?? 0);
const completed = (page: Page, name: string) =>
  page.evaluate(
    (n) => window.__mklab?.view()?.workloads.find((w) => w.name === n)?.completed ?? 0,
    name,
  );
/** Wait until simulated time has moved `ns` past now (never a wall-clock sleep). */
async function simFor(page: Page, ns: number): Promise<void> {
  const until = (await simT(page)) + ns;
  await expect.poll(() => simT(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(until);
}

test('pick a preset, exec a kernel again, and see traffic fill a hung kernel’s ring', async ({
  page,
}) => {
  await openLab(page, '&scenario=two-kernels');
  await play(page);
  // Pick a preset in the sandbox.
  await reach(page, 'sandbox');
  await page.getByTestId('preset').selectOption('web-db');
  await page.getByTestId('load-scenario').click();
  await expect(page.getByTestId('group-db')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('group-web')).toHaveAttribute('data-state', 'active');

  // Halt db, then exec it again and watch it become active.
  await openGroup(page, 'sandbox-kernels');
  await page.getByTestId('manage-kernel').selectOption('db');
  await page.getByTestId('action-instance.kill').click();
  await expect(page.getByTestId('group-db')).toHaveAttribute('data-state', 'loaded');
  await page.getByTestId('action-instance.exec').click();
  await expect(page.getByTestId('group-db')).toHaveAttribute('data-state', 'active', {
    timeout: 30_000,
  });

  // Traffic: db hangs, the web kernel's requests pile up in db's ring.
  const sentBefore = await page.evaluate(() => window.__mklab?.view()?.messages.sent ?? 0);
  await openGroup(page, 'sandbox-faults');
  await page.getByTestId('fault-lockup-target').selectOption('db');
  await page.getByTestId('action-fault-lockup').click();
  await expect
    .poll(async () => Number(await page.getByTestId('ring-db').getAttribute('data-level')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__mklab?.view()?.messages.sent ?? 0)).toBeGreaterThan(
    sentBefore,
  );
  await page.getByTestId('action-instance.kill-force').click();
  await expect(page.getByTestId('group-db')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('ring-db')).toHaveAttribute('data-level', '0');
});

test('a panic halts only its kernel; the others keep working; rewinding brings it back', async ({
  page,
}) => {
  await openLab(page, '&scenario=two-kernels');
  await play(page);
  // 100 ms of simulated time per second, so the waits below are short.
  await page.evaluate(() => window.__mklab?.speed(8));
  await simFor(page, 50_000_000);
  const beforePanic = await simT(page);
  await reach(page, 'sandbox');
  await openGroup(page, 'sandbox-faults');
  await page.getByTestId('fault-panic-target').selectOption('beta');
  await page.getByTestId('action-fault-panic').click();
  await expect(page.getByTestId('group-beta')).toHaveAttribute('data-state', 'loaded', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('cpu-6')).toHaveAttribute('data-state', 'parked');
  await expect(page.getByTestId('group-alpha')).toHaveAttribute('data-state', 'active');
  // Another kernel's work keeps rising after the panic; beta's stops.
  const db = await completed(page, 'db');
  await simFor(page, 200_000_000);
  expect(await completed(page, 'db')).toBeGreaterThan(db);
  await expect(page.getByTestId('metric-batch')).toHaveAttribute('data-tput', '0');
  expect(Number(await page.getByTestId('metric-web').getAttribute('data-tput'))).toBeGreaterThan(0);

  // Rewind with the scrubber to before the panic: beta is alive there.
  await page.getByTestId('play-toggle').click();
  await page.evaluate((t) => window.__mklab?.seek(t), beforePanic - 1);
  await expect(page.getByTestId('group-beta')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('group-beta')).toHaveAttribute('data-panicked', 'false');
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('Home');
  await expect.poll(() => simT(page)).toBeLessThan(beforePanic);
  await expect(page.getByTestId('cpu-6')).toHaveAttribute('data-state', 'online');
});

test('play, pause, step and speed by keyboard alone; Spanish; trace export', async ({ page }) => {
  await openLab(page);
  // The lab opens paused: space plays, and space again pauses.
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  await frames(page, 5);
  const paused = await simT(page);
  await page.keyboard.press('.');
  await expect.poll(() => simT(page)).toBeGreaterThan(paused);
  const speed = Number(await page.getByTestId('speed').getAttribute('data-speed-index'));
  await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveAttribute('data-speed-index', String(speed + 1));
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed')).toHaveAttribute('data-speed-index', String(speed - 1));
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('lang').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Zona de pruebas' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-trace').click();
  const file = await (await download).path();
  const trace = JSON.parse(readFileSync(file, 'utf8')) as {
    traceEvents: { name: string; ph: string; tid: number }[];
  };
  const tracks = trace.traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name')
    .map((e) => e.tid);
  expect(tracks.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(trace.traceEvents.some((e) => e.ph === 's')).toBe(true);
  expect(trace.traceEvents.some((e) => e.ph === 'f')).toBe(true);
  expect(trace.traceEvents.some((e) => e.ph === 'X' && e.name === 'db')).toBe(true);
});
