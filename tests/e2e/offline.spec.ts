import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type {} from '../../src/app/test-hooks';
import { atStep, goalsMet, predict, STATE } from './lesson-drive';
import { build, serveStatic } from './static-server';

/**
 * Offline use and static hosting (issue 6, item 6): after one visit the service worker has every
 * built file, so with the network cut a reload opens a lesson (its text, the Spanish catalog, the
 * worker, the font) and plays it; and a build works served from a sub-path, both with the
 * default relative base and with `--base=/some/path/`.
 */

/** Until the service worker controls the page, which it does once it has cached the whole build. */
async function offlineReady(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, STATE);
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

/** Requests the page could not get: none may fail once the app is offline-ready. */
function failures(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? '?'}`));
  return failed;
}

async function running(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mklab?.phase() === 'running', null, STATE);
}

test('with the network cut after a first visit, a reload opens a lesson in Spanish and plays it', async ({
  page,
  context,
}) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/?testhooks');
  await running(page);
  await offlineReady(page);

  await context.setOffline(true);
  const failed = failures(page);
  await page.goto('/?testhooks&lesson=crash-containment&lang=es');
  await running(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('lessons-open')).toHaveText('Lecciones');
  await atStep(page, 1);
  // The lesson's text chunk came from the cache: the step has its prose, not bare keys.
  await expect(page.getByTestId('lesson-step')).not.toContainText('crash-containment.s1');
  await predict(page);
  const t0 = await page.evaluate(() => window.__mklab?.t() ?? 0);
  await page.getByTestId('show-me').click();
  await goalsMet(page);
  expect(await page.evaluate(() => window.__mklab?.t() ?? 0)).toBeGreaterThan(t0);
  // The font came from the cache too.
  expect(await page.evaluate(() => document.fonts.check('16px "Inter Variable"'))).toBe(true);
  expect(failed).toEqual([]);
  // No third-party requests, online or off.
  expect([...origins]).toEqual([new URL(page.url()).origin]);
});

for (const base of ['./', '/mk/abs/'] as const) {
  test(`a build with base ${base} works from a sub-path, online and then offline`, async ({
    page,
    context,
  }) => {
    const out = build(base);
    const prefix = base === './' ? '/some/sub/path/' : base;
    const server = await serveStatic(out, prefix);
    try {
      await page.goto(`${server.url}?testhooks&lesson=crash-containment`);
      await running(page);
      await atStep(page, 1);
      await expect(page.getByTestId('lesson-step')).not.toContainText('crash-containment.s1');
      expect(await offlineReady(page)).toBe(server.url);

      await context.setOffline(true);
      const failed = failures(page);
      await page.reload();
      await running(page);
      await atStep(page, 1);
      const t0 = await page.evaluate(() => window.__mklab?.t() ?? 0);
      await page.evaluate(() => window.__mklab?.setPlaying(true));
      await page.waitForFunction((t) => (window.__mklab?.t() ?? 0) > t, t0, STATE);
      expect(failed).toEqual([]);
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
}

/** A new deploy of the same files: sw.js with another version, as every real deploy gives it. */
function deploy(dir: string, version: string): void {
  const file = path.join(dir, 'sw.js');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(
    /const MKLAB_VERSION = "[^"]*";/,
    `const MKLAB_VERSION = "${version}";`,
  );
  expect(next).not.toBe(text);
  writeFileSync(file, next);
}

/** The lab's caches in this browser, by version. */
const cacheNames = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('mklab-')).sort());

test('a new deploy replaces the offline copy: while the lab is open, and on the next visit', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const out = build('./');
  const server = await serveStatic(out, '/lab/');
  try {
    // A paused lesson: the page is open, the machine idle.
    await page.goto(`${server.url}?testhooks&lesson=crash-containment`);
    await running(page);
    await offlineReady(page);
    const [first] = await cacheNames(page);
    expect(first).toMatch(/^mklab-[0-9a-f]{16}$/);
    // A new version is in place once it has cached every file and taken over this page.
    await page.evaluate(() => {
      const w = window as unknown as { takeovers: number };
      w.takeovers = 0;
      navigator.serviceWorker.addEventListener('controllerchange', () => w.takeovers++);
    });
    const takenOver = (n: number) =>
      page.waitForFunction(
        (k) => (window as unknown as { takeovers: number }).takeovers >= k,
        n,
        STATE,
      );

    // Deploy v2 while the lab is open. An update check from the app page runs at once: it used
    // to wait about a minute, while a paused machine kept every animation frame busy.
    deploy(out, 'e2e-second');
    const answered = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const done = reg?.update().then(() => 'updated');
      const late = new Promise((r) => setTimeout(() => r('no answer in 10 s'), 10_000));
      return Promise.race([done, late]);
    });
    expect(answered).toBe('updated');
    await takenOver(1);
    expect(await cacheNames(page)).toContain('mklab-e2e-second');

    // Deploy v3: the open lab checks again by itself when the network comes back.
    deploy(out, 'e2e-third');
    await context.setOffline(true);
    await context.setOffline(false);
    await takenOver(2);
    expect(await cacheNames(page)).toContain('mklab-e2e-third');

    // Deploy v4, then the next visit: it is installed, and copies older than the one before it
    // are deleted (that one stays for tabs still running it).
    deploy(out, 'e2e-fourth');
    await page.reload();
    await running(page);
    await expect
      .poll(() => cacheNames(page), STATE)
      .toEqual(['mklab-e2e-fourth', 'mklab-e2e-third'].sort());

    // The new copy serves the lab offline.
    await context.setOffline(true);
    const failed = failures(page);
    await page.reload();
    await running(page);
    await atStep(page, 1);
    expect(failed).toEqual([]);
  } finally {
    await context.setOffline(false);
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
});
