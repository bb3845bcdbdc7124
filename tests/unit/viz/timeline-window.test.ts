import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_NS,
  laneSpan,
  MAX_WINDOW_NS,
  MIN_WINDOW_NS,
  panEnd,
  scrubPosition,
  scrubTime,
  SCRUB_STEPS,
  timeScale,
  timeTicks,
  timeWindow,
  WINDOW_LADDER,
  zoomWindow,
} from '../../../src/viz/timeline-window';

describe('timeline zoom ladder', () => {
  it('runs from 10 µs to 10 s in roughly doubling, round steps, and holds the default', () => {
    expect(WINDOW_LADDER[0]).toBe(10_000);
    expect(WINDOW_LADDER[WINDOW_LADDER.length - 1]).toBe(10_000_000_000);
    expect(WINDOW_LADDER).toContain(DEFAULT_WINDOW_NS);
    for (let i = 1; i < WINDOW_LADDER.length; i++) {
      const ratio = (WINDOW_LADDER[i] as number) / (WINDOW_LADDER[i - 1] as number);
      expect(ratio).toBeGreaterThanOrEqual(2);
      expect(ratio).toBeLessThanOrEqual(2.5);
    }
  });

  it('zooms out and in one rung at a time and stops at the ends', () => {
    expect(zoomWindow(20_000_000, 1)).toBe(50_000_000);
    expect(zoomWindow(20_000_000, -1)).toBe(10_000_000);
    expect(zoomWindow(MAX_WINDOW_NS, 1)).toBe(MAX_WINDOW_NS);
    expect(zoomWindow(MIN_WINDOW_NS, -1)).toBe(MIN_WINDOW_NS);
    // Off the ladder (never set by the UI, but safe): the next rung either way.
    expect(zoomWindow(30_000_000, 1)).toBe(50_000_000);
    expect(zoomWindow(30_000_000, -1)).toBe(20_000_000);
  });
});

describe('timeline window', () => {
  it('ends at now when following, and where it was left otherwise (never after now)', () => {
    expect(timeWindow({ t: 100e6, windowNs: 20e6, follow: true, end: 0 })).toEqual({
      start: 80e6,
      end: 100e6,
    });
    expect(timeWindow({ t: 100e6, windowNs: 20e6, follow: false, end: 50e6 })).toEqual({
      start: 30e6,
      end: 50e6,
    });
    // A rewind to before the frozen end pulls the window back with it.
    expect(timeWindow({ t: 40e6, windowNs: 20e6, follow: false, end: 50e6 }).end).toBe(40e6);
  });

  it('with reduced motion moves in half-window pages instead of sliding', () => {
    const a = timeWindow({ t: 101e6, windowNs: 20e6, follow: true, end: 0, paged: true });
    const b = timeWindow({ t: 109e6, windowNs: 20e6, follow: true, end: 0, paged: true });
    expect(a).toEqual(b);
    expect(a.end).toBe(110e6);
    expect(a.end - a.start).toBe(20e6);
  });

  it('pans by half a window, not past now', () => {
    expect(panEnd(100e6, 20e6, -1, 200e6)).toBe(90e6);
    expect(panEnd(100e6, 20e6, 1, 200e6)).toBe(110e6);
    expect(panEnd(195e6, 20e6, 1, 200e6)).toBe(200e6);
  });

  it('maps the window onto the plot', () => {
    const x = timeScale({ start: 80e6, end: 100e6 }, 60, 460);
    expect(x(80e6)).toBe(60);
    expect(x(100e6)).toBe(460);
    expect(x(90e6)).toBe(260);
  });

  it('puts ticks at round offsets from now, "now" included, inside the plot', () => {
    const ticks = timeTicks({ start: 80e6, end: 100e6 }, 100e6, 60, 460, 100);
    const offsets = ticks.map((k) => k.offset);
    expect(offsets).toContain(0);
    expect(offsets).toContain(-10e6);
    for (const k of ticks) {
      expect(Math.abs(k.offset % 5e6)).toBe(0);
      expect(k.x).toBeGreaterThanOrEqual(60);
      expect(k.x).toBeLessThanOrEqual(460);
    }
    // About one tick per 100 px: never crowded.
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

describe('scrubber steps', () => {
  it('maps times to steps and back over the run', () => {
    expect(scrubPosition(90e6, 90e6, 190e6)).toBe(0);
    expect(scrubPosition(190e6, 90e6, 190e6)).toBe(SCRUB_STEPS);
    expect(scrubPosition(140e6, 90e6, 190e6)).toBe(SCRUB_STEPS / 2);
    expect(scrubTime(SCRUB_STEPS / 2, 90e6, 190e6)).toBe(140e6);
    expect(scrubTime(0, 90e6, 190e6)).toBe(90e6);
  });

  it('clamps, returns integer ns, and copes with an empty run', () => {
    expect(scrubPosition(10, 90, 190)).toBe(0);
    expect(scrubPosition(500, 90, 190)).toBe(SCRUB_STEPS);
    expect(scrubPosition(90, 90, 90)).toBe(SCRUB_STEPS);
    expect(scrubTime(2000, 0, 1000)).toBe(1000);
    expect(Number.isInteger(scrubTime(333, 0, 1001))).toBe(true);
  });
});

describe('lane span', () => {
  it('holds a sliding window for a few of its widths, so the lanes move by one transform', () => {
    const at = (t: number) => laneSpan(timeWindow({ t, windowNs: 20e6, follow: true, end: 0 }));
    const first = at(101e6);
    // The window slides for a while inside the same span…
    for (let t = 101e6; t < first.start + 4 * 20e6 + 20e6; t += 3e6) {
      const span = at(t);
      if (span.start !== first.start) break;
      expect(span).toEqual(first);
      expect(span.start).toBeLessThanOrEqual(t - 20e6);
      expect(span.end).toBeGreaterThanOrEqual(t);
    }
    // …and is always inside its span, whatever the time.
    for (const t of [20e6, 99e6, 100e6, 161e6, 1e12 + 7]) {
      const span = at(t);
      expect(span.start).toBeLessThanOrEqual(t - 20e6);
      expect(span.end).toBeGreaterThanOrEqual(t);
    }
    expect(at(181e6)).not.toEqual(first);
  });
});
