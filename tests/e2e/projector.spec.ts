import type {} from '../../src/app/test-hooks';
import { expect, test, type Page } from '@playwright/test';

// Issue 13: the projector teaches on its own. At 1920×1080 the audience window (and the
// presenter's own window on one screen) shows the step's question and choices, the answer and
// "what to look at" only after the teacher's reveal key, the step's card, charts and legend;
// text the room reads is ≥ 24 px, the machine's labels ≥ 18 px, the machine the largest thing;
// the teacher's notes never on the projected surface. Then focus, blank screen and the clicker.

const SLUG = 'crash-containment';
const STATE = { timeout: 30_000 };
const SHOTS = 'test-results/screens/projector';
const FULL_HD = { width: 1920, height: 1080 };

/** Keys go to the page, not to a focused button (space on a button presses the button). */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

/** The clicker's next, once the presenter's window stands on the step it went to. */
async function next(presenter: Page, step: number): Promise<void> {
  await press(presenter, 'PageDown');
  await presenter.waitForFunction((k) => window.__mklab?.lesson()?.step === k, step, STATE);
}

async function openPresenter(page: Page, size = FULL_HD): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(`/?testhooks&present&lesson=${SLUG}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running', null, STATE);
  await page.waitForFunction(() => window.__mklab?.lesson() !== null, null, STATE);
}

async function openAudience(presenter: Page): Promise<Page> {
  const [audience] = await Promise.all([
    presenter.context().waitForEvent('page'),
    presenter.getByTestId('open-audience').click(),
  ]);
  await audience.setViewportSize(FULL_HD);
  await audience.waitForFunction(() => window.__mklab?.phase() === 'running', null, STATE);
  return audience;
}

/**
 * Sizes as drawn on the screen (CSS px after zoom and the SVG's own scale): the smallest text
 * of what the room reads (`read`), the smallest machine label (`stage`), and the areas.
 */
function measure(page: Page, root: string) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel) as HTMLElement;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const drawn = (el: Element): number => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) return px * (el.getScreenCTM()?.a ?? 1);
      return px * ((el as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1);
    };
    /** Every element that holds text of its own, under `scope` (minus `skip`). */
    const texts = (scope: Element, skip: string | null) => {
      const out: { size: number; text: string }[] = [];
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || !shown(el)) continue;
        if (skip && el.closest(skip)) continue;
        if (el.closest('.sr-only')) continue;
        out.push({ size: drawn(el), text: n.textContent.trim().slice(0, 40) });
      }
      return out;
    };
    const min = (xs: { size: number; text: string }[]) =>
      xs.reduce((a, b) => (b.size < a.size ? b : a), { size: Infinity, text: '' });
    const area = (s: string) => {
      const r = box.querySelector(s)?.getBoundingClientRect();
      if (!r) return 0;
      const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
      const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      return Math.max(0, w) * Math.max(0, h);
    };
    const stage = box.querySelector('.aud-stage') as Element;
    return {
      // What the room reads: the heading, the question, the answer, the card, the legend
      // (the charts' axis figures are the charts' own, like the machine's labels).
      read: min([
        ...texts(box.querySelector('.aud-head') as Element, null),
        ...texts(box.querySelector('.aud-lesson') as Element, '.aud-charts'),
      ]),
      stage: min(texts(stage, null)),
      labels: texts(stage, null).length,
      stageArea: area('.aud-stage'),
      sideArea: area('.aud-side'),
      headArea: area('.aud-head'),
    };
  }, root);
}

/**
 * The sizes once the machine is drawn for its width: a new width is drawn in a transition
 * (src/ui/use-width.ts), so for a frame or two after a layout change the old drawing is scaled.
 */
async function expectSizes(page: Page, root: string): Promise<void> {
  await expect(() => sizesHold(page, root)).toPass({ timeout: 5_000 });
}

async function sizesHold(page: Page, root: string): Promise<void> {
  const m = await measure(page, root);
  console.log(
    `projector e2e: ${root} smallest text ${m.read.size.toFixed(1)} px ("${m.read.text}"), ` +
      `smallest machine label ${m.stage.size.toFixed(1)} px ("${m.stage.text}"), ` +
      `areas stage ${Math.round(m.stageArea)} side ${Math.round(m.sideArea)} head ${Math.round(m.headArea)}`,
  );
  expect(m.labels, 'machine labels found').toBeGreaterThan(20);
  expect(m.read.size, `smallest text the room reads: "${m.read.text}"`).toBeGreaterThanOrEqual(24);
  expect(m.stage.size, `smallest machine label: "${m.stage.text}"`).toBeGreaterThanOrEqual(18);
  expect(m.stageArea, 'the machine is the largest thing on screen').toBeGreaterThan(m.sideArea);
  expect(m.stageArea).toBeGreaterThan(m.headArea);
}

test('the audience window shows the question, then the answer on the reveal key; card, charts, legend, quiz', async ({
  page: presenter,
}) => {
  await openPresenter(presenter);
  // One window and no audience yet: it may be the projector, so the notes (the answer) are hidden.
  await expect(presenter.getByTestId('presenter-notes-hidden')).toBeVisible();
  await expect(presenter.getByTestId('presenter-notes-observe')).toHaveCount(0);

  const audience = await openAudience(presenter);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '1', STATE);
  // With the audience on the projector, the presenter's window is the teacher's: notes shown.
  const observe = (await presenter.getByTestId('presenter-notes-observe').innerText()).trim();
  expect(observe.length).toBeGreaterThan(20);

  // The question and its three choices, as the lesson words them.
  const question = audience.getByTestId('projected-question');
  await expect(question).toBeVisible(STATE);
  const choices = question.getByTestId('projected-choices').locator('li');
  await expect(choices).toHaveCount(3);
  const own = presenter.locator('.ls-predict .ls-choice span');
  for (let i = 0; i < 3; i++)
    await expect(choices.nth(i)).toContainText(await own.nth(i).innerText());
  // Before the reveal: no answer, no "what to look at", no notes.
  await expect(audience.getByTestId('projected-answer')).toHaveCount(0);
  await expect(audience.locator('[data-right]')).toHaveCount(0);
  await expect(audience.getByTestId('presenter-notes')).toHaveCount(0);
  expect(await audience.locator('body').innerText()).not.toContain(observe.slice(0, 40));
  // The step points at web's chart and the twin: the chart and the legend are on the projector.
  await expect(
    audience.getByTestId('projected-charts').locator('[data-highlighted]'),
  ).toBeVisible();
  await expect(audience.getByTestId('legend')).toBeVisible();
  await expect(audience.locator('.aud-stage .stage-pair')).toBeVisible();
  await expectSizes(audience, '.aud');
  await audience.screenshot({ path: `${SHOTS}/audience-question.png` });

  // The reveal key: the right choice marked in words, what to look at and why.
  await press(presenter, 'a');
  const answer = audience.getByTestId('projected-answer');
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(observe.slice(0, 40));
  await expect(choices.nth(1)).toHaveAttribute('data-right', 'true');
  await expect(audience.locator('[data-right]')).toHaveCount(1);
  await expectSizes(audience, '.aud');
  await audience.screenshot({ path: `${SHOTS}/audience-revealed.png` });
  // The answer took the charts' place; the reveal key again brings them back, and again the answer.
  await expect(audience.getByTestId('projected-charts')).toHaveCount(0);
  await press(presenter, 'a');
  await expect(audience.getByTestId('projected-charts')).toBeVisible();
  await expect(audience.getByTestId('projected-answer')).toHaveCount(0);
  await expect(audience.locator('[data-right]')).toHaveCount(1);
  await press(presenter, 'a');
  await expect(audience.getByTestId('projected-answer')).toBeVisible();

  // The next step asks again, unrevealed.
  await next(presenter, 1);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '2', STATE);
  await expect(audience.getByTestId('projected-answer')).toHaveCount(0);

  // Step 4's task is "open the card": the card comes on the projector when the teacher opens it.
  await next(presenter, 2);
  await next(presenter, 3);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '4', STATE);
  await expect(audience.getByTestId('projected-card')).toHaveCount(0);
  await presenter.getByTestId('card-toggle').click();
  await expect(audience.getByTestId('projected-card')).toBeVisible();
  await expect(audience.getByTestId('projected-card')).toContainText(
    (await presenter.locator('.ls-card-body').innerText()).trim().slice(0, 40),
  );
  await audience.screenshot({ path: `${SHOTS}/audience-card.png` });

  // Past the last step, the quiz: its questions, and their answers on the reveal key.
  await next(presenter, 4);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '5', STATE);
  await press(presenter, 'PageDown');
  const quiz = audience.getByTestId('projected-quiz');
  await expect(quiz).toBeVisible();
  await expect(quiz.locator('ol')).toHaveCount(4);
  await expect(quiz.locator('[data-right]')).toHaveCount(0);
  await press(presenter, 'a');
  await expect(quiz.locator('[data-right]')).toHaveCount(4);
});

test('one screen: the presenter window shows what the room sees, the answer only on the reveal key, no notes', async ({
  page,
}) => {
  await openPresenter(page);
  await page.getByTestId('presenter-single').click();
  const screen = page.getByTestId('presenter-single-screen');
  await expect(screen.getByTestId('projected-question')).toBeVisible(STATE);
  await expect(page.getByTestId('presenter-notes')).toHaveCount(0);
  await expect(page.getByTestId('projected-answer')).toHaveCount(0);
  await expect(page.getByTestId('lesson-step')).toBeHidden();
  await expectSizes(page, '.pr-single');
  await page.screenshot({ path: `${SHOTS}/one-screen.png` });
  await press(page, 'a');
  await expect(screen.getByTestId('projected-answer')).toBeVisible();
  await expect(screen.locator('[data-right]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/one-screen-revealed.png` });
  // A reload mid-class keeps the layout, and the answer the room has seen.
  await page.reload();
  await page.waitForFunction(() => window.__mklab?.lesson() !== null, null, STATE);
  await expect(page.getByTestId('presenter-single-screen')).toBeVisible();
  await expect(page.getByTestId('presenter-notes')).toHaveCount(0);
  await expect(page.getByTestId('projected-answer')).toBeVisible();
  await expect(page.locator('.pr-single [data-right]')).toHaveCount(1);
});

/** Whether a part of the projected screen is drawn whole: inside the screen, and not cut. */
function whole(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    if (!el) return `no ${id}`;
    const r = el.getBoundingClientRect();
    if (r.bottom > innerHeight + 0.5) return `${id} ends at ${Math.round(r.bottom)} px`;
    if (el.scrollHeight > el.clientHeight + 1)
      return `${id} cut: ${el.scrollHeight} > ${el.clientHeight}`;
    return 'whole';
  }, testId);
}

// The steps whose long answer pushed their charts off a 1920×1080 projector: revealed, the answer
// is whole; the reveal key again shows the charts whole in its place.
test('every step that points at its charts: the answer, then the charts, each whole at 1920×1080', async ({
  page: presenter,
}) => {
  test.setTimeout(120_000);
  for (const [slug, steps] of [
    ['crash-containment', 3],
    ['noisy-neighbours', 2],
  ] as const) {
    await presenter.setViewportSize(FULL_HD);
    await presenter.goto(`/?testhooks&present&lesson=${slug}`);
    await presenter.waitForFunction(() => window.__mklab?.lesson() !== null, null, STATE);
    const audience = await openAudience(presenter);
    for (let k = 0; k < steps; k++) {
      if (k > 0) await next(presenter, k);
      await expect(audience.getByTestId('audience-step')).toHaveAttribute(
        'data-step',
        String(k + 1),
        STATE,
      );
      await expect(audience.getByTestId('projected-charts')).toBeVisible();
      await press(presenter, 'a');
      await expect(audience.getByTestId('projected-answer')).toBeVisible();
      expect(`${slug} ${k + 1}: ${await whole(audience, 'projected-answer')}`).toBe(
        `${slug} ${k + 1}: whole`,
      );
      await press(presenter, 'a');
      await expect(audience.getByTestId('projected-charts')).toBeVisible();
      expect(`${slug} ${k + 1}: ${await whole(audience, 'projected-charts')}`).toBe(
        `${slug} ${k + 1}: whole`,
      );
      await expectSizes(audience, '.aud');
    }
    await audience.screenshot({ path: `${SHOTS}/${slug}-charts-flipped.png` });
    await audience.close();
  }
});

test('after "Open audience window" space plays; blank screen keeps the notes on the presenter window', async ({
  page: presenter,
}) => {
  await openPresenter(presenter, { width: 1280, height: 800 });
  const audience = await openAudience(presenter);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '1', STATE);
  // No blur here: the key goes wherever the click left the focus.
  const t0 = await presenter.evaluate(() => window.__mklab?.t() ?? 0);
  await presenter.keyboard.press(' ');
  await presenter.waitForFunction((t) => (window.__mklab?.t() ?? 0) > t, t0, STATE);
  await presenter.keyboard.press(' ');

  await presenter.keyboard.press('b');
  await expect(audience.getByTestId('blank-screen')).toBeVisible();
  await expect(audience.getByTestId('presenter-notes')).toHaveCount(0);
  const blank = presenter.getByTestId('blank-screen');
  await expect(blank).toBeVisible();
  await expect(blank.getByTestId('presenter-notes-observe')).toBeVisible();
  await expect(blank.getByTestId('blank-return')).toContainText('b');
  await expect(blank.getByTestId('blank-return')).toContainText('Esc');
  await presenter.screenshot({ path: `${SHOTS}/presenter-blank.png` });
  await presenter.keyboard.press('Escape');
  await expect(blank).toHaveCount(0);
  await expect(audience.getByTestId('blank-screen')).toHaveCount(0);
});

test("a clicker's F5 plays the step's action (show me) instead of reloading; the key help lists it", async ({
  page,
}) => {
  await openPresenter(page, { width: 1280, height: 800 });
  const audience = await openAudience(page);
  await expect(audience.getByTestId('audience-step')).toHaveAttribute('data-step', '1', STATE);
  await expect(page.getByTestId('presenter-keys')).toContainText('F5');
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));
  expect(await page.evaluate(() => window.__mklab?.kernelState('batch'))).toBe('active');
  const log0 = await page.evaluate(() => window.__mklab?.logLength() ?? 0);
  await press(page, 'F5');
  // The step's script runs with the clock: batch panics, its CPUs park, it reads `loaded`.
  await page.waitForFunction(() => window.__mklab?.kernelState('batch') === 'loaded', null, STATE);
  expect(await page.evaluate(() => window.__mklab?.logLength() ?? 0)).toBeGreaterThan(log0);
  // Same page: F5 did not reload it.
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
  // At the room's pace: the player slowed down at the moment (the one player of the lab), and
  // the projector played the same action.
  await expect(page.getByTestId('moment')).toHaveAttribute('data-slow', 'true');
  await audience.waitForFunction(
    () => window.__mklab?.kernelState('batch') === 'loaded',
    null,
    STATE,
  );
  // r: replay that — back to just before the moment, slowly, on both screens.
  await press(page, ' ');
  const played = await page.evaluate(() => window.__mklab?.t() ?? 0);
  await press(page, 'r');
  await page.waitForFunction((t) => (window.__mklab?.t() ?? Infinity) < t, played, STATE);
  await audience.waitForFunction((t) => (window.__mklab?.t() ?? Infinity) < t, played, STATE);
  await press(page, '?');
  const help = page.getByTestId('keys-overlay');
  await expect(help).toContainText('F5');
  await expect(help.locator('tr', { hasText: 'F5' })).toContainText(/show me/i);
  await expect(help.locator('tr', { hasText: 'Reveal' })).toContainText('a');
});
