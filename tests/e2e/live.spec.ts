import { expect, test } from '@playwright/test';
import { frames, openLab, play } from './helpers';

test('the live scenario counts up while playing and freezes on pause', async ({ page }) => {
  await openLab(page);
  await expect(page.getByRole('heading', { name: 'Multikernel Lab' })).toBeVisible();
  await play(page);
  await expect(page.getByTestId('group-alpha')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('group-beta')).toHaveAttribute('data-state', 'active');

  // Playing: simulated time and delivered IPI messages rise, on the page itself (table view).
  await page.getByTestId('view-table').click();
  const delivered = page.getByTestId('msg-delivered');
  const first = Number(await delivered.getAttribute('data-value'));
  await expect
    .poll(async () => Number(await delivered.getAttribute('data-value')))
    .toBeGreaterThan(first);
  const t0 = Number(await page.getByTestId('sim-time').getAttribute('data-ns'));
  await expect
    .poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ns')))
    .toBeGreaterThan(t0);
  await expect(page.getByTestId('kernel-alpha')).toHaveAttribute('data-state', 'active');

  // Pause: after many more frames, nothing moves.
  await page.getByTestId('play-toggle').click();
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
  await frames(page, 10);
  const pausedT = await page.getByTestId('sim-time').getAttribute('data-ns');
  const pausedCount = await delivered.getAttribute('data-value');
  await frames(page, 60);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ns', pausedT ?? '');
  await expect(delivered).toHaveAttribute('data-value', pausedCount ?? '');

  // Play again from the keyboard: counts rise again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => Number(await delivered.getAttribute('data-value')))
    .toBeGreaterThan(Number(pausedCount));
});

test('the page speaks Spanish with ?lang=es and <html lang> follows', async ({ page }) => {
  await openLab(page, '&lang=es');
  await expect(page.getByRole('heading', { name: 'Línea temporal' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
