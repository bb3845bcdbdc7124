import { scaleLinear } from 'd3';

/**
 * The timeline's visible window of simulated time, its zoom ladder, its x scale and its axis ticks.
 * Pure math: the component keeps the state (width, zoom, follow) and renders.
 */

/** Window widths in ns, from 10 µs to 10 s, each about twice the one before (1–2–5 steps). */
export const WINDOW_LADDER: readonly number[] = (() => {
  const out: number[] = [];
  for (let decade = 10_000; decade <= 10_000_000_000; decade *= 10) {
    for (const m of [1, 2, 5]) if (decade * m <= 10_000_000_000) out.push(decade * m);
  }
  return out;
})();

export const DEFAULT_WINDOW_NS = 20_000_000;
export const MIN_WINDOW_NS = WINDOW_LADDER[0] as number;
export const MAX_WINDOW_NS = WINDOW_LADDER[WINDOW_LADDER.length - 1] as number;

/** The next rung of the zoom ladder: `dir` +1 zooms out (wider window), −1 zooms in. */
export function zoomWindow(windowNs: number, dir: 1 | -1): number {
  if (dir > 0) return WINDOW_LADDER.find((w) => w > windowNs) ?? MAX_WINDOW_NS;
  for (let i = WINDOW_LADDER.length - 1; i >= 0; i--) {
    const w = WINDOW_LADDER[i] as number;
    if (w < windowNs) return w;
  }
  return MIN_WINDOW_NS;
}

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export interface WindowSpec {
  /** Simulated time now. */
  readonly t: number;
  readonly windowNs: number;
  /** Follow now: the window ends at `t`. Otherwise it ends at `end` (never after `t`). */
  readonly follow: boolean;
  readonly end: number;
  /**
   * With reduced motion the followed window moves in pages of half a window instead of sliding
   * every frame (the diagram stands still between jumps).
   */
  readonly paged?: boolean;
}

export function timeWindow(s: WindowSpec): TimeWindow {
  let end = s.follow ? s.t : Math.min(s.end, s.t);
  if (s.follow && s.paged) {
    const page = Math.max(1, Math.floor(s.windowNs / 2));
    end = Math.ceil(s.t / page) * page;
  }
  return { start: end - s.windowNs, end };
}

/**
 * A stretch of time that holds the window while it slides for a few of its widths: the lanes are
 * laid out over it, in px from its start, so a sliding window moves them by one transform and
 * they are laid out again only when the window leaves it. It starts on a multiple of four
 * windows, so the same window always gets the same span.
 */
export interface LaneSpan {
  readonly start: number;
  readonly end: number;
}

export function laneSpan(win: TimeWindow): LaneSpan {
  const w = Math.max(1, win.end - win.start);
  const page = 4 * w;
  const start = Math.floor(win.start / page) * page;
  return { start, end: start + page + w };
}

/** Move a window by `pages` halves of its width; the result never ends after `t`. */
export function panEnd(currentEnd: number, windowNs: number, pages: number, t: number): number {
  return Math.min(t, currentEnd + Math.round((pages * windowNs) / 2));
}

/** Simulated time → x in px over [x0, x1]. */
export function timeScale(win: TimeWindow, x0: number, x1: number) {
  return scaleLinear().domain([win.start, win.end]).range([x0, x1]);
}

export interface Tick {
  readonly x: number;
  /** The tick's time minus `t` (≤ 0 when the window ends at now). */
  readonly offset: number;
}

/**
 * Axis ticks at round offsets from `t` ("−5 ms", "now"), about one per `spacing` px, so the labels
 * read the same whatever the absolute time.
 */
export function timeTicks(
  win: TimeWindow,
  t: number,
  x0: number,
  x1: number,
  spacing = 96,
): Tick[] {
  const count = Math.max(2, Math.floor((x1 - x0) / spacing));
  const rel = scaleLinear()
    .domain([win.start - t, win.end - t])
    .range([x0, x1]);
  return rel.ticks(count).map((offset) => ({ x: rel(offset), offset }));
}

/** The scrubber is a range input of this many steps over [startT, maxT]. */
export const SCRUB_STEPS = 1000;

/** A time's step on the scrubber (clamped to the run). */
export function scrubPosition(t: number, startT: number, maxT: number): number {
  if (maxT <= startT) return SCRUB_STEPS;
  const f = (t - startT) / (maxT - startT);
  return Math.round(Math.min(1, Math.max(0, f)) * SCRUB_STEPS);
}

/** The time at a step of the scrubber (an integer ns). */
export function scrubTime(pos: number, startT: number, maxT: number): number {
  const f = Math.min(SCRUB_STEPS, Math.max(0, pos)) / SCRUB_STEPS;
  return Math.round(startT + f * Math.max(0, maxT - startT));
}
