import { expect, test } from '@playwright/test';
import { openLab } from './helpers';
import { lessonReady } from './lesson-drive';

// Issue 12: a first visit leads — "start here", the legend, one big "Start lesson 1", the sandbox
// a click away — and a returning learner's bare address goes back to where they were.
test.describe('the first visit', () => {
  test('leads to lesson 1, and the bare address later returns to it', async ({ page }) => {
    await openLab(page);
    const start = page.getByTestId('start-here');
    await expect(start).toBeVisible();
    await expect(start.locator('[data-legend]')).toHaveCount(5);
    const big = page.getByTestId('start-lesson-1');
    await expect(big).toBeInViewport();
    await big.click();
    await lessonReady(page);
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
    await expect(start).toHaveCount(0);
    // The legend stays one click away inside the lesson.
    await page.getByTestId('legend-open').click();
    await expect(page.getByTestId('legend-dialog').getByTestId('legend')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('legend-dialog')).toHaveCount(0);
    // Doing something saves the lesson; a later visit to the bare address goes back there.
    await page.getByTestId('predict-choice-2').check();
    await expect(page).toHaveURL(/lesson=one-kernel-owns-everything/);
    await page.goto('/?testhooks');
    await lessonReady(page);
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    await expect(page).toHaveURL(/lesson=one-kernel-owns-everything/);
    await expect(page.getByTestId('start-here')).toHaveCount(0);
  });

  test('the sandbox is a click away, and is where the bare address returns to', async ({
    page,
  }) => {
    await openLab(page, '&lang=es');
    await expect(page.getByTestId('start-here')).toContainText('Empieza aquí');
    await page.getByTestId('start-sandbox').click();
    await expect(page.getByTestId('start-here')).toHaveCount(0);
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    await openLab(page);
    await expect(page.getByTestId('start-here')).toHaveCount(0);
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  });

  test('the Spanish strings are fetched with the page’s first script, once, and only when asked', async ({
    page,
  }) => {
    // Issue 14: the app draws nothing before `?lang=es` has its strings; fetched only once the
    // app's modules had run, they were one more round trip before a slow line's first picture.
    const fetched: string[] = [];
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop() ?? '';
      if (/^es-[\w-]+\.js$/.test(file)) fetched.push(file);
    });
    await openLab(page, '&lang=es&lesson=crash-containment&step=2');
    await expect(page.getByTestId('play-toggle')).toHaveAccessibleName(/Reproducir/);
    const early = page.locator('head link[rel=modulepreload][href*="/es-"]');
    await expect(early).toHaveCount(1);
    const href = (await early.getAttribute('href')) ?? '';
    expect(fetched, 'the catalog the first script named, fetched once').toEqual([
      href.split('/').pop(),
    ]);
    fetched.length = 0;
    await openLab(page);
    await expect(page.getByTestId('play-toggle')).toHaveAccessibleName(/Play/);
    await expect(early).toHaveCount(0);
    expect(fetched, 'no Spanish for an English page').toEqual([]);
  });

  test('a lesson’s text and the glossary are fetched with the page’s first script, once', async ({
    page,
  }) => {
    // Issue 14: asked for once the app's modules had run, they were one more round trip before
    // a lesson link's first picture on a slow line (Lighthouse's simulated LCP: 2.66 → 2.47 s).
    const fetched: string[] = [];
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop() ?? '';
      if (/^(crash-containment|glossary|roots)-[\w-]+\.js$/.test(file)) fetched.push(file);
    });
    await openLab(page, '&lang=es&lesson=crash-containment&step=2');
    await expect(page.getByTestId('lesson-panel')).toContainText('Contención de fallos');
    const early = await page
      .locator('head link[rel=modulepreload]')
      .evaluateAll((links) => links.map((l) => (l.getAttribute('href') ?? '').split('/').pop()));
    const texts = early.filter((f) => /^(crash-containment|glossary)-/.test(f ?? ''));
    expect(texts, 'the lesson and the glossary, English and Spanish').toHaveLength(4);
    expect([...fetched].sort(), 'each fetched once, none other').toEqual([...texts].sort());
    // A step the lesson does not have opens the sandbox (with a notice): no text is asked for early.
    await openLab(page, '&lesson=roots&step=7');
    const none = await page
      .locator('head link[rel=modulepreload]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    expect(none.filter((h) => /\/(crash-containment|glossary|roots)-/.test(h))).toEqual([]);
  });
});

// Issue 14: a first visit's header and start-here text are in the HTML (scripts/first-paint.ts),
// painted before the app's script has run; a lesson's or a scenario's address paints the header
// alone; the others show nothing before it, as before.
test.describe('the first paint, before the app has run', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/assets/*.js', (route) => route.abort());
  });

  test('a first visit shows the header and what to start with, in the language asked', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multikernel Lab');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Start here');
    await expect(page.locator('.start-here p')).toContainText('one emulated computer');
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.goto('/?lang=es');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Empieza aquí');
    await expect(page.locator('.tagline')).toContainText('Varios kernels Linux');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  });

  test('a lesson or a scenario starts with the header alone, a lesson with its compact one', async ({
    page,
  }) => {
    const drawn = () => page.locator('#root > *:visible');
    await page.goto('/?lesson=crash-containment&step=2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multikernel Lab');
    await expect(drawn()).toHaveCount(1);
    await expect(page.locator('header.top')).toHaveClass(/is-lesson/);
    await expect(page.locator('.tagline')).toBeHidden();
    await page.goto('/?scenario=datacenter&lang=es');
    await expect(drawn()).toHaveCount(1);
    await expect(page.locator('header.top')).not.toHaveClass(/is-lesson/);
    await expect(page.locator('.tagline')).toContainText('Varios kernels Linux');
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);
    // Its last step too; a lesson the registry does not have, or a step it does not have, opens
    // the sandbox with a notice: the full header, as the app draws it there.
    await page.goto('/?lesson=crash-containment&step=5');
    await expect(page.locator('header.top')).toHaveClass(/is-lesson/);
    for (const bad of ['lesson=no-such-lesson', 'lesson=constructor', 'lesson=roots&step=7']) {
      await page.goto(`/?${bad}`);
      await expect(page.locator('header.top'), bad).not.toHaveClass(/is-lesson/);
      await expect(page.locator('.tagline'), bad).toBeVisible();
    }
  });

  test('a link, a presenter or class window and a returning learner start with nothing drawn', async ({
    page,
  }) => {
    for (const address of ['/#r=x', '/?present', '/?class=ABCD', '/?audience=x']) {
      await page.goto(address);
      await expect(page.locator('#root > *').first()).toBeAttached();
      await expect(page.locator('#root > *:visible')).toHaveCount(0);
    }
    await page.addInitScript(() => localStorage.setItem('mklab.last', 'sandbox'));
    await page.goto('/');
    await expect(page.locator('#root > *:visible')).toHaveCount(0);
  });
});
