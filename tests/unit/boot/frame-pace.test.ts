import { expect, it } from 'vitest';
import { FramePace, LATE_IN_WINDOW, RETRY_MS } from '../../../src/bridge/frame-pace';

// Issue 14: a page that keeps missing the display (a slow laptop) asks the machine for a frame at
// every other animation frame, and goes back to every one after a while, or at the next Play.

/** Animation frames `gap` ms apart from `from`; returns each one's answer and the last time. */
function frames(pace: FramePace, from: number, gap: number, n: number, playing = true) {
  const asked: boolean[] = [];
  let now = from;
  for (let i = 0; i < n; i++) {
    now += gap;
    const asks = pace.asks(now, playing);
    if (asks) pace.sent();
    asked.push(asks);
  }
  return { asked, now };
}

it('on time, it asks at every animation frame, a missed one now and then included', () => {
  const pace = new FramePace();
  let { now } = frames(pace, 0, 16.7, 60);
  // Fewer late animation frames than it takes, spread over a second.
  for (let i = 0; i < LATE_IN_WINDOW - 1; i++) {
    const r = frames(pace, now, 33.4, 1);
    expect(r.asked).toEqual([true]);
    now = frames(pace, r.now, 16.7, 10).now;
  }
  expect(pace.paced).toBe(false);
  expect(frames(pace, now, 16.7, 6).asked.every(Boolean)).toBe(true);
});

it('behind, it asks at every other one; not after one it could not ask at', () => {
  const pace = new FramePace();
  const late = frames(pace, 0, 33.4, LATE_IN_WINDOW + 1);
  expect(pace.paced).toBe(true);
  expect(late.asked.at(-1)).toBe(false); // the one before it asked
  const r = frames(pace, late.now, 16.7, 6);
  expect(r.asked).toEqual([true, false, true, false, true, false]);
  // At its turn a frame is still in flight (the bridge sends nothing): it asks at the next one.
  let now = r.now + 16.7;
  expect(pace.asks(now, true)).toBe(true);
  now += 16.7;
  expect(pace.asks(now, true)).toBe(true);
  pace.sent();
  now += 16.7;
  expect(pace.asks(now, true)).toBe(false);
});

it('a pause ends it, and so does time: every animation frame is tried again', () => {
  const pace = new FramePace();
  let { now } = frames(pace, 0, 33.4, LATE_IN_WINDOW + 1);
  expect(pace.paced).toBe(true);
  now = frames(pace, now, 16.7, 1, false).now;
  expect(pace.paced).toBe(false);
  now = frames(pace, now, 33.4, LATE_IN_WINDOW + 2).now;
  expect(pace.paced).toBe(true);
  const before = frames(pace, now, 16.7, Math.floor(RETRY_MS / 16.7) - 10);
  expect(pace.paced).toBe(true);
  const after = frames(pace, before.now, 16.7, 20);
  expect(pace.paced).toBe(false);
  expect(after.asked.slice(-6).every(Boolean)).toBe(true);
});
