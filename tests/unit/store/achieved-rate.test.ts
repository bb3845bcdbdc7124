import { afterEach, describe, expect, it } from 'vitest';
import { RateMeter } from '../../../src/bridge/rate-meter';
import { playbackStore } from '../../../src/store/playback-store';

// The achieved rate is set on every frame the page receives. A store that changes on each of
// them redraws its subscribers each frame and makes React redo a first screen drawn in slices
// (issue 14): a frame that changes neither the rate nor "behind" must notify no one.

describe('the achieved rate', () => {
  const initial = playbackStore.getState();
  afterEach(() => playbackStore.setState(initial, true));

  it('notifies when the rate or "behind" changes, and not for frames that change neither', () => {
    const meter = new RateMeter();
    let notified = 0;
    const stop = playbackStore.subscribe(() => notified++);
    // Paused: idle frames advance nothing.
    for (let wall = 0; wall <= 5000; wall += 100) meter.add(wall, 0, false);
    expect(notified).toBe(0);
    // Playing: 1 ms of simulated time per 100 ms of wall time.
    for (let wall = 5100; wall <= 7000; wall += 100) meter.add(wall, 1_000_000, false);
    expect(playbackStore.getState().achieved).toBeGreaterThan(0);
    const afterPlay = notified;
    expect(afterPlay).toBeGreaterThan(0);
    // The same rate frame after frame: nothing new.
    for (let wall = 7100; wall <= 8000; wall += 100) meter.add(wall, 1_000_000, false);
    expect(notified).toBe(afterPlay);
    // Falling behind is news even at the same rate.
    meter.add(8100, 1_000_000, true);
    expect(playbackStore.getState().lagging).toBe(true);
    expect(notified).toBe(afterPlay + 1);
    stop();
  });
});
