import { expect, test } from '@playwright/test';
import { openLab, play } from './helpers';

// Issue 14: the busy preset's messages are drawn one by one in the default view (a few hundred
// copied pictures on small canvases, drawn every frame outside React), and a learner can still
// click one to read it.

test('the datacenter’s messages fly one by one, and a click on a dot inspects its message', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '&scenario=datacenter');
  await page.evaluate(() => window.__mklab?.speed(7));
  await play(page);
  // The default view (aggregation on) still draws each message while a few hundred fly.
  const layer = page.getByTestId('ipi-layer');
  await expect
    .poll(() => layer.getAttribute('data-drawn').then(Number), { timeout: 30_000 })
    .toBeGreaterThan(100);
  await expect(layer).toHaveAttribute('data-aggregated', '0');
  await page.getByTestId('play-toggle').click();
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');

  // A dot on screen: the first solid pixel on any of the dots' canvases, then its centre below.
  const dot = await page.evaluate(() => {
    for (const c of document.querySelectorAll<HTMLCanvasElement>('.mk-dots canvas')) {
      const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      const box = c.getBoundingClientRect();
      if (!px || box.bottom < 0 || box.top > innerHeight) continue;
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          if ((px[(y * c.width + x) * 4 + 3] ?? 0) < 250) continue;
          const k = box.width / c.width;
          return { x: box.left + x * k, y: box.top + (y + 4) * k };
        }
      }
    }
    return null;
  });
  expect(dot, 'a message dot drawn on screen').not.toBeNull();
  await page.mouse.click(dot!.x, dot!.y);
  await expect(page.getByTestId('inspect-message')).toBeVisible();
});
