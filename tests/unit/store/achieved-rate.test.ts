import { afterEach, describe, expect, it } from 'vitest';
import { CAUGHT_UP_MS, RateMeter, SHOWN_EVERY_MS } from '../../../src/bridge/rate-meter';
import { playbackStore } from '../../../src/store/playback-store';

// The achieved rate is set on every frame the page receives. A store that changes on each of
// them redraws its subscribers each frame and makes React redo a first screen drawn in slices
// (issue 14): a frame that changes neither the rate nor "behind" must notify no one, and the
// figure, which the playback bar prints, turns no faster than a reader can read it.

describe('the achieved rate', () => {
  const initial = playbackStore.getState();
  afterEach(() => playbackStore.setState(initial, true));

  it('notifies when the rate or "behind" changes, and not for frames that change neither', () => {
    const meter = new RateMeter();
    let notified = 0;
    const stop = playbackStore.subscribe(() => notified++);
    // Paused: idle frames advance nothing.
    for (let wall = 0; wall <= 5000; wall += 100) meter.add(wall, 0, false, false);
    expect(notified).toBe(0);
    // Playing: 1 ms of simulated time per 100 ms of wall time.
    for (let wall = 5100; wall <= 7000; wall += 100) meter.add(wall, 1_000_000, true, false);
    expect(playbackStore.getState().achieved).toBeGreaterThan(0);
    const afterPlay = notified;
    expect(afterPlay).toBeGreaterThan(0);
    // The same rate frame after frame: nothing new.
    for (let wall = 7100; wall <= 8000; wall += 100) meter.add(wall, 1_000_000, true, false);
    expect(notified).toBe(afterPlay);
    // Falling behind is news even at the same rate.
    meter.add(8100, 1_000_000, true, true);
    expect(playbackStore.getState().lagging).toBe(true);
    expect(notified).toBe(afterPlay + 1);
    stop();
  });

  it('changes the shown figure at most twice a second, and shows falling behind at once', () => {
    const meter = new RateMeter();
    const shown: { wall: number; achieved: number; lagging: boolean }[] = [];
    let wall = 0;
    const stop = playbackStore.subscribe((s) => shown.push({ wall, ...s }));
    // A slow laptop: a frame every 16 ms, each covering a different stretch of simulated time.
    for (; wall < 3000; wall += 16) meter.add(wall, 100_000 + (wall % 7) * 10_000, true, false);
    expect(shown.length).toBeGreaterThan(1);
    for (let i = 1; i < shown.length; i++)
      expect(shown[i]!.wall - shown[i - 1]!.wall).toBeGreaterThanOrEqual(SHOWN_EVERY_MS);
    // Behind from this frame on: said at this frame, not at the next turn of the figure.
    const before = shown.length;
    meter.add(wall, 100_000, true, true);
    expect(shown.length).toBe(before + 1);
    expect(shown.at(-1)).toMatchObject({ wall, lagging: true });
    stop();
  });

  it('keeps "behind" through a flood\'s frames that keep up, and drops it once caught up', () => {
    const meter = new RateMeter();
    const shown: { wall: number; lagging: boolean }[] = [];
    let wall = 0;
    const stop = playbackStore.subscribe((s) => shown.push({ wall, lagging: s.lagging }));
    // A flood on a slow laptop: every third frame falls short of the asked speed.
    for (; wall < 3000; wall += 16) meter.add(wall, 100_000, true, wall % 48 === 0);
    // Said at the first frame behind, and not taken back between the frames behind (the figure
    // still turns: those notifications say "behind" too).
    expect(shown[0]).toMatchObject({ wall: 0, lagging: true });
    expect(shown.every((s) => s.lagging)).toBe(true);
    // Caught up: every frame keeps up from here on. Still shown for CAUGHT_UP_MS, then gone.
    const lastBehind = wall - 16 - ((wall - 16) % 48);
    for (; wall < lastBehind + CAUGHT_UP_MS - 16; wall += 16) meter.add(wall, 100_000, true, false);
    expect(playbackStore.getState().lagging).toBe(true);
    for (; wall < lastBehind + CAUGHT_UP_MS + 32; wall += 16) meter.add(wall, 100_000, true, false);
    expect(playbackStore.getState().lagging).toBe(false);
    expect(shown.at(-1)?.wall).toBeGreaterThanOrEqual(lastBehind + CAUGHT_UP_MS);
    // Behind again, then paused: the pause drops it at once.
    meter.add(wall, 100_000, true, true);
    expect(playbackStore.getState().lagging).toBe(true);
    wall += 16;
    meter.add(wall, 0, false, false);
    expect(shown.at(-1)).toMatchObject({ wall, lagging: false });
    stop();
  });

  it('counts the wall time a frame covered: the first frame after a pause reads about right', () => {
    const meter = new RateMeter();
    // Paused: a frame a second, nothing advanced.
    for (let wall = 0; wall <= 3000; wall += 1000) meter.add(wall, 0, false, false);
    // Play, 1.5 s later, 1 ms/s asked: the first frame brings 16 µs of simulated time. Divided by
    // one millisecond it read 16 ms/s (16× the asked speed); by the 1.5 s of the pause, 11 µs/s.
    meter.add(4500, 16_000, true, true);
    const { achieved, lagging } = playbackStore.getState();
    expect(lagging).toBe(true);
    expect(achieved).toBeLessThanOrEqual(1_000_000);
    expect(achieved).toBeGreaterThanOrEqual(100_000);
  });
});
