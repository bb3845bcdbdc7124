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

  // The dots are drawn in their own worker: the tiles made while playing were handed to it (the
  // page cannot draw on them any more), and what it drew is on them (read through a copy).
  const handed = await page
    .evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('.mk-dots canvas')].filter((c) => {
        try {
          c.getContext('2d');
          return false;
        } catch {
          return true;
        }
      }),
    )
    .then((all) => all.length);
  expect(handed, 'dot tiles drawn by the worker').toBeGreaterThan(0);
  // A dot on screen: the first solid pixel on any of the dots' canvases, then its centre below.
  const dot = await page.evaluate(() => {
    for (const c of document.querySelectorAll<HTMLCanvasElement>('.mk-dots canvas')) {
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext('2d');
      ctx?.drawImage(c, 0, 0);
      const px = ctx?.getImageData(0, 0, c.width, c.height).data;
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

test('a lesson opened on a phone draws its messages once, at the machine’s own width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // Every canvas the dots get, as it is added (a canvas made and thrown away is a phone's load
  // spent for nothing: the first drawing at a guessed width made two, issue 14).
  await page.addInitScript(() => {
    const w = window as unknown as { dotCanvasesMade: number };
    w.dotCanvasesMade = 0;
    new MutationObserver((changes) => {
      for (const c of changes)
        for (const n of c.addedNodes)
          if (n instanceof HTMLCanvasElement && n.parentElement?.matches('.mk-dots'))
            w.dotCanvasesMade += 1;
    }).observe(document, { childList: true, subtree: true });
  });
  // Step 2 opens with messages in flight, paused.
  await openLab(page, '&lesson=crash-containment&step=2');
  const main = page.locator('.mk-measure', { has: page.getByTestId('machine-view') });
  await expect(main).toHaveAttribute('data-measured', 'yes');
  const canvases = main.locator('.mk-dots canvas');
  await expect.poll(() => canvases.count()).toBeGreaterThan(0);
  // Ink on them: the paused step's messages are drawn (read through a copy: a tile the dots'
  // worker draws cannot be read directly).
  await expect
    .poll(() =>
      canvases.evaluateAll((all) =>
        (all as HTMLCanvasElement[]).some((c) => {
          const copy = document.createElement('canvas');
          copy.width = c.width;
          copy.height = c.height;
          const ctx = copy.getContext('2d');
          ctx?.drawImage(c, 0, 0);
          return ctx?.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v);
        }),
      ),
    )
    .toBe(true);
  const onPage = await page.locator('.mk-dots canvas').count();
  const made = await page.evaluate(
    () => (window as unknown as { dotCanvasesMade: number }).dotCanvasesMade,
  );
  expect(made, 'dot canvases made during the load, against those on the page').toBe(onPage);
});
