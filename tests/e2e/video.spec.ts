import type {} from '../../src/app/test-hooks';
import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { expect, test, type Page } from '@playwright/test';

// Issue 13, "for slides and paper": a lesson step as a WebM video, made in the browser frame by
// frame at fixed steps of simulated time — so the same seed gives the same frames.

const SLUG = 'crash-containment';
const MAKE = { timeout: 240_000 };
const SHOTS = 'test-results/screens/video';
// The test plays the downloaded file in a <video> from a blob: URL, which the page's CSP
// (media-src falls back to default-src 'self') refuses; the shipped CSP is tested in csp.spec.ts.
test.use({ bypassCSP: true });

async function record(
  page: Page,
): Promise<{ file: Buffer; frames: number; hashes: string[]; notes: string[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', MAKE),
    page.getByTestId('video-record').first().click(),
  ]);
  await expect(page.getByTestId('video-progress').first()).toHaveCount(0, MAKE);
  expect(download.suggestedFilename()).toBe(`multikernel-${SLUG}-step-1.webm`);
  const file = readFileSync(await download.path());
  const last = await page.evaluate(() => window.__mklab?.video() ?? null);
  if (!last) throw new Error('no video was recorded');
  return { file, frames: last.frames, hashes: [...last.hashes], notes: [...last.notes] };
}

test('a step records as a WebM video whose frames are the same on every run, and it plays', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.evaluate(() => window.__mklab?.setPlaying(false));

  const began = Date.now();
  const first = await record(page);
  test.info().annotations.push({
    type: 'first recording',
    description: `${first.frames} frames, ${first.file.length} bytes, ${Date.now() - began} ms`,
  });
  const second = await record(page);
  expect(first.frames).toBeGreaterThan(10);
  expect(first.hashes).toHaveLength(first.frames);
  // The machine changes during the step (the panic): not one picture repeated.
  expect(new Set(first.hashes).size).toBeGreaterThan(2);
  expect(second.hashes).toEqual(first.hashes);
  // Captioned with the step's happenings: the panic is told while it happens.
  const told = first.notes.findIndex((n) => /panic/i.test(n));
  expect(told, first.notes.join('\n')).toBeGreaterThanOrEqual(0);

  // The file: as many frames as were drawn, and a duration to match (15 frames a second).
  const input = new Input({ source: new BufferSource(first.file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  expect(track.codec).toBe('vp8');
  expect(await track.getDisplayWidth()).toBe(1280);
  expect((await track.computePacketStats()).packetCount).toBe(first.frames);

  // It plays in Chromium: metadata, a duration, and a decoded picture at the end.
  const played = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
    document.body.append(video);
    await new Promise((ok, ko) => {
      video.onloadeddata = ok;
      video.onerror = () => ko(new Error(`video error ${video.error?.code ?? '?'}`));
    });
    const duration = video.duration;
    video.currentTime = duration - 0.01;
    await new Promise((ok) => (video.onseeked = ok));
    return {
      duration,
      width: video.videoWidth,
      height: video.videoHeight,
      ready: video.readyState,
    };
  }, first.file.toString('base64'));
  expect(played.duration).toBeCloseTo(first.frames / 15, 1);
  expect([played.width, played.height]).toEqual([1280, 720]);
  expect(played.ready).toBeGreaterThanOrEqual(2);
  await page.locator('video').screenshot({ path: `${SHOTS}/last-frame.png` });
  const seekTo = async (s: number) =>
    page.evaluate(async (at) => {
      const video = document.querySelector('video');
      if (!video) return;
      video.currentTime = at;
      await new Promise((ok) => (video.onseeked = ok));
    }, s);
  await seekTo((told + 1.5) / 15);
  await page.locator('video').screenshot({ path: `${SHOTS}/panic-frame.png` });
});

test('a video can be cancelled, and a browser without WebCodecs says so', async ({ page }) => {
  await page.goto(`/?testhooks&lesson=${SLUG}`);
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.getByTestId('video-record').first().click();
  await expect(page.getByTestId('video-progress').first()).toContainText(
    /Recording the step: [1-9]/,
    MAKE,
  );
  await page.getByTestId('video-cancel').first().click();
  await expect(page.getByTestId('video-message').first()).toHaveText('Video cancelled.', MAKE);

  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'VideoEncoder');
  });
  await page.reload();
  await page.waitForFunction(() => window.__mklab?.phase() === 'running');
  await page.getByTestId('video-record').first().click();
  await expect(page.getByTestId('video-message').first()).toContainText('it lacks WebCodecs', MAKE);
});
