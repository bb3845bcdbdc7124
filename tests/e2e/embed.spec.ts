import { expect, test, type Frame, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import fc from 'fast-check';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {} from '../../src/features/embed/start-embed';

// The embed for documentation sites (DESIGN §7, docs/embedding.md): the example docs page, served
// from another origin, embeds two lessons with embed.js and drives one through the mklab:
// protocol; nothing but its own origin's well-formed commands moves the lesson.

const EXAMPLE = readFileSync('docs/example/index.html', 'utf8');
const SHOTS = 'test-results/screens/embed';

/**
 * The documentation site: a tiny static server on another port of this machine, so another
 * origin than the lab's (a page on a public host name could not load a loopback lab at all:
 * Chromium's private network access rules). Its pages name the lab's address of this run.
 */
let docs: Server;
let DOCS = '';
const pages = new Map<string, string>();

test.beforeAll(async () => {
  docs = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => docs.listen(0, '127.0.0.1', resolve));
  DOCS = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => docs.close(() => resolve()));
});

function serve(path: string, html: string, lab: string): string {
  pages.set(path, html.replaceAll('http://127.0.0.1:4173', lab));
  return `${DOCS}${path}`;
}

/** Page errors and console errors of the page and every frame in it. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.locator(selector).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  return frame;
}

/** Wait for the embed's machine (and its lesson step, if any) to be in. */
async function embedReady(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () =>
      document.querySelector('[data-testid="embed"]')?.getAttribute('data-ready') === 'true' &&
      window.__mklabEmbed?.step() !== null,
  );
}

const read = (frame: Frame) =>
  frame.evaluate(async () => {
    const e = window.__mklabEmbed;
    return {
      step: e?.step(),
      t: e?.t(),
      playing: e?.playing(),
      hash: await e?.hash(),
      ignored: e?.ignored ?? -1,
      lang: document.documentElement.lang,
    };
  });

/** The frame's height on the page, and the height of what it shows. */
const heights = async (page: Page, frame: Frame) => ({
  frame: await page.locator('#driven iframe').evaluate((el) => el.getBoundingClientRect().height),
  content: await frame.evaluate(() =>
    Math.ceil(document.getElementById('root')?.getBoundingClientRect().height ?? 0),
  ),
});

/** Commands that are almost right: one field wrong, missing, extra, or a near-miss name. */
const nearMiss = fc.oneof(
  fc.record({
    type: fc.constantFrom('mklab:goto', 'mklab:seek', 'mklab:play', 'mklab:setLang'),
    v: fc.constantFrom(0, 2, '1', null, 1.5),
    step: fc.constant(4),
  }),
  fc.record({
    type: fc.constant('mklab:goto'),
    v: fc.constant(1),
    step: fc.oneof(
      fc.constantFrom(0, -1, 100, 1e9, '4', null, Number.NaN, Infinity),
      fc.double({ min: 1.01, max: 4.99, noInteger: true }),
    ),
  }),
  fc.record({
    type: fc.constant('mklab:seek'),
    v: fc.constant(1),
    tNs: fc.constantFrom(-1, 1.5, 1e15, '5000', null, Number.NaN),
  }),
  fc.record({
    type: fc.constant('mklab:setLang'),
    v: fc.constant(1),
    lang: fc.constantFrom('fr', 'EN', '', 'es-ES', 3),
  }),
  fc.record({
    type: fc.constantFrom('mklab:play', 'mklab:pause'),
    v: fc.constant(1),
    extra: fc.anything(),
  }),
  fc.record({
    type: fc.constantFrom('MKLAB:play', 'mklab:Play', 'mklab:stop', 'play', 'mklab:', ''),
    v: fc.constant(1),
  }),
  fc.record({ v: fc.constant(1), step: fc.constant(4) }),
);
const malformed = fc.oneof(nearMiss, fc.anything(), fc.string(), fc.array(fc.anything()));

test('the example docs page drives one of its two embedded lessons through the protocol', async ({
  page,
  baseURL,
}) => {
  // A narrow column: the frame stacks the step's text under the machine, so its height follows
  // the text of each step.
  await page.setViewportSize({ width: 900, height: 1000 });
  const errors = watchErrors(page);
  const lab = (baseURL ?? '').replace(/\/$/, '');
  await page.goto(serve('/example/', EXAMPLE, lab));
  const driven = await frameOf(page, '#driven iframe');
  await embedReady(driven);
  // The second lesson is there too, with its own minimal controls.
  const second = page.locator('[data-mklab-lesson="talking-between-kernels"] iframe');
  await expect(second).toHaveAttribute('title', /talking-between-kernels/);
  await second.scrollIntoViewIfNeeded();
  const other = await frameOf(page, '[data-mklab-lesson="talking-between-kernels"] iframe');
  await embedReady(other);
  await expect(other.getByTestId('embed-step')).toHaveAttribute('data-step', '1');
  await expect(other.getByTestId('embed-play')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await second.screenshot({ path: `${SHOTS}/second-lesson.png` });
  await page.locator('#driven').scrollIntoViewIfNeeded();

  // The driven frame opens at the docs page's step, and the page hears where it is.
  await expect(page.locator('#driven iframe')).toHaveAttribute('title', /crash containment/);
  await expect(driven.getByTestId('embed-step')).toHaveAttribute('data-step', '3');
  await expect(page.locator('#where')).toContainText('Step 3 of 5');
  await page.screenshot({ path: `${SHOTS}/docs-page.png`, fullPage: true });

  // Its buttons drive it: next, next, previous — and the frame's height follows each step.
  const seen: number[] = [];
  const expectFitted = async () => {
    await expect
      .poll(async () => {
        const h = await heights(page, driven);
        return Math.abs(h.frame - h.content);
      })
      .toBeLessThanOrEqual(1);
    seen.push((await heights(page, driven)).frame);
  };
  await expectFitted();
  for (const [button, step] of [
    ['#next', 4],
    ['#next', 5],
    ['#prev', 4],
  ] as const) {
    await page.locator(button).click();
    await expect(driven.getByTestId('embed-step')).toHaveAttribute('data-step', String(step));
    await expect(page.locator('#where')).toContainText(`Step ${step} of 5`);
    await expectFitted();
  }
  expect(new Set(seen).size).toBeGreaterThan(1);
  await page.screenshot({ path: `${SHOTS}/docs-page-step4.png` });

  // Play and pause from the page: simulated time moves, then stops.
  const t0 = (await read(driven)).t ?? 0;
  await page.locator('#play').click();
  await driven.waitForFunction((t) => (window.__mklabEmbed?.t() ?? 0) > t + 1_000_000, t0);
  await expect(page.locator('#where')).toContainText('playing');
  await page.locator('#play').click();
  await expect(page.locator('#where')).toContainText('paused');
  await driven.waitForFunction(() => window.__mklabEmbed?.playing() === false);
  expect(errors).toEqual([]);
});

test('commands from another origin and 1,000 malformed messages change nothing', async ({
  page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  const lab = (baseURL ?? '').replace(/\/$/, '');
  await page.goto(serve('/example/', EXAMPLE, lab));
  const driven = await frameOf(page, '#driven iframe');
  await embedReady(driven);

  // An embed on this page that allows some other origin: this page's commands are not for it,
  // and its events are not for this page (all it hears from it is its height).
  await page.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    addEventListener('message', (e) => {
      const f = document.querySelector<HTMLIFrameElement>('#foreign');
      if (f && e.source === f.contentWindow) heard.push(e.data);
    });
  });
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'foreign';
    f.title = 'An embed that listens to another origin';
    f.src = src;
    f.style.cssText = 'width:700px;height:500px';
    document.body.prepend(f);
  }, `${lab}/embed.html?lesson=crash-containment&step=3&origin=http://someone-else.example`);
  const foreign = await frameOf(page, '#foreign');
  await embedReady(foreign);
  const valid = [
    { type: 'mklab:goto', v: 1, step: 4 },
    { type: 'mklab:play', v: 1 },
    { type: 'mklab:seek', v: 1, tNs: 5_000_000 },
    { type: 'mklab:setLang', v: 1, lang: 'es' },
  ];
  const before = await read(foreign);
  await page.evaluate(
    ({ messages, origin }) => {
      const w = document.querySelector<HTMLIFrameElement>('#foreign')?.contentWindow;
      for (const m of messages) w?.postMessage(m, origin);
    },
    { messages: valid, origin: lab },
  );
  await foreign.waitForFunction(
    (n) => (window.__mklabEmbed?.ignored ?? 0) >= n,
    before.ignored + valid.length,
  );
  expect(await read(foreign)).toEqual({ ...before, ignored: before.ignored + valid.length });
  const heard = await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
  expect(heard.length).toBeGreaterThan(0);
  for (const m of heard) expect(Object.keys(m as object).sort()).toEqual(['height', 'type', 'v']);

  // 1,000 generated malformed messages from the allowed origin.
  const messages = fc.sample(malformed, { seed: 20_260_601, numRuns: 1000 });
  const start = await read(driven);
  expect(start.playing).toBe(false);
  await page.evaluate(
    ({ messages, origin }) => {
      const w = document.querySelector<HTMLIFrameElement>('#driven iframe')?.contentWindow;
      for (const m of messages) w?.postMessage(m, origin);
    },
    { messages, origin: lab },
  );
  await driven.waitForFunction(
    (n) => (window.__mklabEmbed?.ignored ?? 0) >= n,
    start.ignored + messages.length,
  );
  expect(await read(driven)).toEqual({ ...start, ignored: start.ignored + messages.length });
  // The count is also on the frame's document, for anyone inspecting it.
  await expect(driven.locator('html')).toHaveAttribute(
    'data-mklab-ignored',
    String(start.ignored + messages.length),
  );
  // And a well-formed command from the allowed origin still works afterwards.
  await page.locator('#next').click();
  await expect(driven.getByTestId('embed-step')).toHaveAttribute('data-step', '4');
  expect(errors).toEqual([]);
});

test('in a sandboxed frame it works; with storage or workers blocked it says so', async ({
  page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  const lab = (baseURL ?? '').replace(/\/$/, '');
  // Block what the frame's URL asks to be blocked (an extra parameter the embed ignores).
  await page.addInitScript(() => {
    const block = new URLSearchParams(location.search).get('block');
    const refuse = () => {
      throw new DOMException('blocked for this test', 'SecurityError');
    };
    if (block === 'storage') Object.defineProperty(window, 'localStorage', { get: refuse });
    if (block === 'worker') Object.defineProperty(window, 'Worker', { value: refuse });
  });
  const frame = (id: string, query: string) =>
    `<iframe id="${id}" title="${id}" sandbox="allow-scripts allow-same-origin" ` +
    `style="width:640px;height:560px;border:1px solid #999" ` +
    `src="${lab}/embed.html?lesson=crash-containment&${query}"></iframe>`;
  const url = serve(
    '/sandboxed/',
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Sandboxed embeds</title></head><body>` +
      frame('sandboxed', 'step=2&controls=minimal') +
      frame('no-storage', 'step=2&block=storage') +
      frame('no-worker', 'step=2&lang=es&block=worker') +
      `</body></html>`,
    lab,
  );
  await page.setViewportSize({ width: 1300, height: 1800 });
  await page.goto(url);
  for (const id of ['sandboxed', 'no-storage', 'no-worker']) {
    const f = await frameOf(page, `#${id}`);
    await embedReady(f);
    await expect(f.getByTestId('embed-step')).toHaveAttribute('data-step', '2');
    // It runs: play from the frame's own button, and simulated time moves.
    await f.getByTestId('embed-play').click();
    await f.waitForFunction(() => (window.__mklabEmbed?.t() ?? 0) > 1_000_000);
    await f.getByTestId('embed-play').click();
    await expect(f.getByTestId('embed-storage-blocked')).toHaveCount(id === 'no-storage' ? 1 : 0);
    await expect(f.getByTestId('embed-worker-blocked')).toHaveCount(id === 'no-worker' ? 1 : 0);
  }
  const noStorage = await frameOf(page, '#no-storage');
  await expect(noStorage.getByTestId('embed-storage-blocked')).toContainText('storage is blocked');
  const noWorker = await frameOf(page, '#no-worker');
  await expect(noWorker.getByTestId('embed-worker-blocked')).toContainText(
    'los workers están bloqueados',
  );
  for (const id of ['no-storage', 'no-worker']) {
    await (await frameOf(page, `#${id}`)).evaluate(() => scrollTo(0, 0));
    await page.locator(`#${id}`).screenshot({ path: `${SHOTS}/${id}.png` });
  }
  expect(errors).toEqual([]);
});

test('on its own: no axe violations, keys play and change the step, reduced motion is respected', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const axe = async () => {
    expect(await axeViolations(page)).toEqual([]);
  };
  const ready = () =>
    page.waitForFunction(
      () =>
        document.querySelector('[data-testid="embed"]')?.getAttribute('data-ready') === 'true' &&
        window.__mklabEmbed?.step() !== null,
    );
  // Dark, full controls, autoplay asked — but the reader prefers reduced motion: it stays paused.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/embed.html?lesson=crash-containment&step=2&theme=dark&controls=full&autoplay');
  await ready();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  expect(await page.evaluate(() => window.__mklabEmbed?.playing())).toBe(false);
  await axe();
  await page.screenshot({ path: `${SHOTS}/full-dark.png` });

  // Light, minimal: the keyboard drives it and the narration and title follow.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/embed.html?lesson=crash-containment&step=2&theme=light');
  await ready();
  await axe();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('embed-step')).toHaveAttribute('data-step', '3');
  await expect(page.getByTestId('embed-narration')).toContainText('step 3 of 5');
  await expect(page).toHaveTitle(/Crash containment, step 3 of 5/);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.__mklabEmbed?.playing() === true);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.__mklabEmbed?.playing() === false);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('embed-step')).toHaveAttribute('data-step', '2');
  expect(errors).toEqual([]);
});
