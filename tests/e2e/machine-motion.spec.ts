import { expect, test, type Page } from '@playwright/test';
import { frames, openLab } from './helpers';

// The machine view moves its parts only when the machine does: a CPU handed to another owner
// glides to its new group; a new page width (or the first measurement) moves everything at once,
// without hundreds of glides and transitions (issue 11: on a big machine they held the page's
// thread). The glides are Web Animations, recorded here as the page asks for them.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { glides: string[]; transitions: number };
    w.glides = [];
    w.transitions = 0;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args) {
      const id = this.getAttribute('data-testid') ?? this.getAttribute('class') ?? this.localName;
      w.glides.push(id);
      return animate.apply(this, args);
    };
    addEventListener('transitionrun', () => w.transitions++, true);
  });
});

const glides = (page: Page) =>
  page.evaluate(() => (window as unknown as { glides: string[] }).glides);
const transitions = (page: Page) =>
  page.evaluate(() => (window as unknown as { transitions: number }).transitions);

test('a CPU handed to the pool glides there; a new width moves the view at once', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '&scenario=two-kernels');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await frames(page, 5);
  const before = { glides: (await glides(page)).length, transitions: await transitions(page) };

  // A narrower page lays the machine out again: nothing glides, nothing transitions.
  await page.setViewportSize({ width: 1000, height: 800 });
  await frames(page, 10);
  expect((await glides(page)).length).toBe(before.glides);
  expect(await transitions(page)).toBe(before.transitions);

  // CPU 1 goes from the host to the pool: it glides to the pool's group.
  await expect(page.getByTestId('cpu-1')).toHaveAttribute('data-owner', '0');
  await page.evaluate(() => {
    window.__mklab?.act({ type: 'cpu.toPool', cpu: 1 });
    window.__mklab?.setPlaying(true);
  });
  await expect(page.getByTestId('cpu-1')).toHaveAttribute('data-owner', '-1');
  await expect.poll(() => glides(page)).toContain('cpu-1');
});
