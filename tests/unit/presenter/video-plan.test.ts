import { describe, expect, it } from 'vitest';
import {
  CAPTION_FRAMES,
  captionLine,
  MAX_FRAMES,
  nsPerFrame,
  pixelHash,
  TAIL_FRAMES,
  VIDEO_FPS,
  videoDone,
} from '../../../src/features/video/video-plan';

describe("a step video's plan", () => {
  it('covers a fixed, whole amount of simulated time per frame: the page speed over a second', () => {
    expect(nsPerFrame(10_000_000)).toBe(Math.round(10_000_000 / VIDEO_FPS));
    expect(Number.isInteger(nsPerFrame(1_000_000_000 / 7))).toBe(true);
    expect(nsPerFrame(1)).toBe(1);
  });
  it('ends a moment after the check passes, or at the longest video', () => {
    expect(videoDone(5, null)).toBe(false);
    expect(videoDone(10, 10)).toBe(false);
    expect(videoDone(10 + TAIL_FRAMES, 10)).toBe(true);
    expect(videoDone(MAX_FRAMES - 1, null)).toBe(true);
  });
  it('captions the newest happening, for a while', () => {
    let line = { text: '', since: 0 };
    line = captionLine(line, ['web started', 'batch panicked'], 3);
    expect(line).toEqual({ text: 'batch panicked', since: 3 });
    line = captionLine(line, [], 3 + CAPTION_FRAMES - 1);
    expect(line.text).toBe('batch panicked');
    line = captionLine(line, [], 3 + CAPTION_FRAMES);
    expect(line.text).toBe('');
  });
  it('hashes pixels: the same pixels the same hash, one changed byte another', async () => {
    const a = new Uint8ClampedArray(64).fill(7);
    const b = new Uint8ClampedArray(64).fill(7);
    expect(await pixelHash(a)).toBe(await pixelHash(b));
    b[10] = 8;
    expect(await pixelHash(a)).not.toBe(await pixelHash(b));
    expect(await pixelHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
