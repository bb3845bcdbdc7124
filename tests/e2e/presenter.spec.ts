import type {} from '../../src/app/test-hooks';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { frames } from './helpers';

// Presenter mode (DESIGN §7): the audience window, opened by the presenter, replays the same
// machine in its own worker and follows every step, play, pause and seek; and the view exports
// as SVG and PNG for slides.

const SLUG = 'crash-containment';
/** Simulated time must pass and the audience must rebuild: a wait on state, never a sleep. */
const STATE = { timeout: 30_000 };
const SHOTS = 'test-results/screens/presenter';

const machine = (page: Page) =>
  page.evaluate(async () => ({
    t: window.__mklab?.t(),
    // A window rebuilding its machine has no hash for a moment: that reads as "not yet".
    hash: await window.__mklab?.hash()?.catch(() => 'rebuilding'),
    step: window.__mklab?.lesson()?.step,
  }));

/** Both windows stand at the same step, the same simulated time, with the same state hash. */
async function inStep(presenter: Page, audience: Page, step: number): Promise<void> {
  await presenter.waitForFunction((k) => window.__mklab?.lesson()?.step === k, step, STATE);
  // Read together, each time: just after a pause the presenter's last frame (asked for while it
  // played) may still land and move its clock on; the audience follows it there.
  await expect
    .poll(async () => {
      const [want, got] = [await machine(presenter), await machine(audience)];
      return want.step === step && JSON.stringify(got) === JSON.stringify(want)
        ? 'same'
        : `${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`;
    }, STATE)
    .toBe('same');
  await expect(audience.getByTestId('audience-step')).toHaveAttribute(
    'data-step',
    String(step + 1),
  );
}

/** Keys go to the page, not to a focused button (space on a button presses the button). */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

test('the audience window follows the presenter: steps, play, pause, seek, blank screen', async ({
  page: presenter,
  context,
}) => {
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await presenter.goto(`/?testhooks&present&lesson=${SLUG}`);
  await presenter.waitForFunction(() => window.__mklab?.phase() === 'running');
  await presenter.waitForFunction(() => window.__mklab?.lesson() !== null);
  // The step's notes are the presenter's alone (hidden until an audience window is open: with
  // one screen this window may be the projector; tests/e2e/projector.spec.ts).
  await expect(presenter.getByTestId('presenter-notes')).toHaveAttribute('data-step', '1');

  const [audience] = await Promise.all([
    context.waitForEvent('page'),
    presenter.getByTestId('open-audience').click(),
  ]);
  await audience.setViewportSize({ width: 1280, height: 720 });
  await audience.waitForFunction(() => window.__mklab?.phase() === 'running', null, STATE);
  await inStep(presenter, audience, 0);
  await expect(audience.getByTestId('presenter-notes')).toHaveCount(0);
  await expect(presenter.getByTestId('presenter-notes-observe')).not.toBeEmpty();
  // Nothing to press on the projector (the machine's parts still select, as on any page; the
  // charts beside it are inert).
  await expect(audience.locator('button:visible:not([inert] *)')).toHaveCount(0);

  // From now on the projector never shows "waiting for the machine": while its worker rebuilds
  // the presenter's machine it keeps the last picture.
  await audience.evaluate(() => {
    const w = window as unknown as { sawWaiting: boolean };
    w.sawWaiting = false;
    new MutationObserver(() => {
      if (document.querySelector('.mk-waiting')) w.sawWaiting = true;
    }).observe(document.body, { subtree: true, childList: true });
  });

  // The clicker: → → ← (the last one rewinds, cutting the log).
  await press(presenter, 'ArrowRight');
  await inStep(presenter, audience, 1);
  await press(presenter, 'PageDown');
  await inStep(presenter, audience, 2);
  await press(presenter, 'ArrowLeft');
  await inStep(presenter, audience, 1);

  // Space plays: the audience's own clock runs too; space again pauses both at one instant.
  const t0 = (await machine(presenter)).t ?? 0;
  await press(presenter, ' ');
  await audience.waitForFunction((t) => (window.__mklab?.t() ?? 0) > t, t0, STATE);
  await presenter.waitForFunction((t) => (window.__mklab?.t() ?? 0) > t + 5e6, t0, STATE);
  await press(presenter, ' ');
  await frames(presenter, 2);
  await inStep(presenter, audience, 1);
  const played = (await machine(presenter)).t ?? 0;
  expect(played).toBeGreaterThan(t0);

  // A seek back to between the two: both stand there with the same hash.
  await presenter.evaluate((t) => window.__mklab?.seek(t), Math.round((t0 + played) / 2));
  await inStep(presenter, audience, 1);
  expect((await machine(audience)).t).toBeLessThan(played);

  expect(
    await audience.evaluate(() => (window as unknown as { sawWaiting: boolean }).sawWaiting),
  ).toBe(false);

  await presenter.evaluate(() => scrollTo(0, 0));
  await presenter.screenshot({ path: `${SHOTS}/presenter.png` });
  await audience.screenshot({ path: `${SHOTS}/audience.png` });

  // b blanks both screens; Esc brings them back.
  await press(presenter, 'b');
  await expect(audience.getByTestId('blank-screen')).toBeVisible();
  await expect(presenter.getByTestId('blank-screen')).toBeVisible();
  await audience.screenshot({ path: `${SHOTS}/audience-blank.png` });
  await press(presenter, 'Escape');
  await expect(audience.getByTestId('blank-screen')).toHaveCount(0);
  await expect(presenter.getByTestId('blank-screen')).toHaveCount(0);
});

/** The downloaded slide, parsed in the page: size, texts, panes and each pane's CPU labels. */
async function readSlide(page: Page, text: string) {
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      texts: Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? ''),
      panes: Array.from(doc.querySelectorAll('svg[data-pane]'), (p) => p.getAttribute('data-pane')),
      caption: {
        title: doc.querySelector('[data-part="caption-title"]')?.textContent ?? '',
        detail: doc.querySelector('[data-part="caption-detail"]')?.textContent ?? '',
      },
      font: (doc.getElementsByTagName('style')[0]?.textContent ?? '').includes('font/woff2'),
    };
  }, text);
}

test('the step exports as a 16:9 slide: the machine and a caption, SVG and 1920×1080 PNG', async ({
  page,
}) => {
  // The sandbox's "Show and export" area (the presenter's toolbar carries the same buttons).
  await page.goto('/?testhooks');
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  // The machine is drawn a moment after its first frame (a transition): its labels, once there.
  await expect(
    page.locator('svg[data-testid="machine-view"] [data-testid^="cpu-"]').first(),
  ).toBeVisible();
  const labels = await page
    .locator('svg[data-testid="machine-view"] text')
    .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((s) => /^CPU \d+$/.test(s)));
  expect(labels.length).toBeGreaterThan(1);

  const exports = page.getByTestId('sandbox');
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByTestId('export-svg').click(),
  ]);
  expect(svgFile.suggestedFilename()).toMatch(/^multikernel-.*\.svg$/);
  const text = readFileSync(await svgFile.path(), 'utf8');
  expect(text).not.toContain('var(--');
  const parsed = await readSlide(page, text);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect([parsed.width, parsed.height, parsed.viewBox]).toEqual([1920, 1080, '0 0 1920 1080']);
  expect(parsed.font).toBe(true);
  expect(parsed.panes).toEqual(['machine']);
  expect(parsed.caption.title).toBe('Sandbox');
  expect(parsed.caption.detail).toMatch(/^Simulated time \d/);
  for (const label of labels) expect(parsed.texts).toContain(label);
  // Drawn on its own, without the page's stylesheet, each CPU label sits where the live view has
  // it, in the view's own coordinates (the slide scales the view to fit).
  const places = await page.evaluate((src) => {
    const where = (svg: SVGSVGElement) => {
      const toUser = svg.getScreenCTM()?.inverse() ?? new DOMMatrix();
      return Object.fromEntries(
        Array.from(svg.querySelectorAll('text'))
          .filter((t) => /^CPU \d+$/.test(t.textContent ?? ''))
          .map((t) => {
            const r = t.getBoundingClientRect();
            const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(toUser);
            const at: [number, number] = [p.x, p.y];
            return [t.textContent, at];
          }),
      );
    };
    const live = document.querySelector<SVGSVGElement>('svg[data-testid="machine-view"]');
    const frame = document.createElement('div');
    frame.style.cssText = 'all:initial';
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    frame.append(document.importNode(doc.documentElement, true));
    document.body.append(frame);
    const copy = frame.querySelector<SVGSVGElement>('svg[data-pane="machine"]');
    const result = { live: live ? where(live) : {}, copy: copy ? where(copy) : {} };
    frame.remove();
    return result;
  }, text);
  expect(Object.keys(places.copy).sort()).toEqual([...labels].sort());
  for (const [label, [x, y]] of Object.entries(places.live)) {
    const [cx, cy] = places.copy[label] ?? [NaN, NaN];
    expect(Number.isFinite(cx + cy + x + y), label).toBe(true);
    expect(Math.abs(cx - x), label).toBeLessThanOrEqual(3);
    expect(Math.abs(cy - y), label).toBeLessThanOrEqual(3);
  }

  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByTestId('export-png').click(),
  ]);
  const png = readFileSync(await pngFile.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`data:image/png;base64,${png.toString('base64')}`);
  await page.screenshot({ path: `${SHOTS}/export.png` });
});

test('a lesson step with its twin exports both machines under a Spanish caption', async ({
  page,
}) => {
  await page.goto(`/?testhooks&lang=es&lesson=${SLUG}&step=2`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.evaluate(() => window.__mklab?.setPlaying(false));
  await expect(page.locator('svg[data-testid="twin-machine-view"]')).toBeVisible(STATE);
  await expect(page.getByRole('heading', { name: 'Gemelo monolítico' }).first()).toBeVisible(STATE);
  const step = await page.evaluate(() => window.__mklab?.lesson()?.step ?? -1);
  expect(step).toBeGreaterThanOrEqual(0);
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-svg').first().click(),
  ]);
  expect(svgFile.suggestedFilename()).toBe(`multikernel-${SLUG}-step-${step + 1}.svg`);
  const slide = await readSlide(page, readFileSync(await svgFile.path(), 'utf8'));
  expect(slide.panes).toEqual(['twin', 'machine']);
  expect(slide.caption.title.length).toBeGreaterThan(3);
  expect(slide.caption.detail).toMatch(
    new RegExp(`^Paso ${step + 1} de \\d+: .+ · Tiempo simulado \\d`),
  );
  expect(slide.texts).toContain('Gemelo monolítico');
  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').first().click(),
  ]);
  const png = readFileSync(await pngFile.path());
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`data:image/png;base64,${png.toString('base64')}`);
  await page.screenshot({ path: `${SHOTS}/export-twin-es.png` });
});
