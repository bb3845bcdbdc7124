import type { MetricPoint } from '../contract';
import { area, line, scaleLinear } from 'd3';

/**
 * Small-multiple charts of a workload's metric points: the time domain they share, the y domains,
 * and the SVG paths (d3-shape computes them; React renders `<path d>`). Charts are drawn in a
 * fixed box (`CHART_W` × height) and stretched to the card's width by the SVG viewBox.
 */

export const CHART_W = 300;
/** The charts show at most this much simulated time… */
export const HORIZON_NS = 10_000_000_000;
/** …and at least this much (at the start of a run, points fill it from the left). */
export const MIN_SPAN_NS = 1_000_000_000;
/** The sim closes a metrics window every 100 ms of simulated time (one point each). */
export const WINDOW_NS = 100_000_000;

/**
 * Time domain shared by every chart, so a panic lines up across them. It ends at the end of the
 * current metrics window (so charts only change when a window closes, not every frame) and spans
 * the run so far in whole seconds, between 1 s and 10 s.
 */
export function chartDomain(t: number, startT: number): [number, number] {
  const end = Math.ceil(t / WINDOW_NS) * WINDOW_NS;
  const secs = Math.ceil((end - startT) / MIN_SPAN_NS);
  const span = Math.min(HORIZON_NS, Math.max(MIN_SPAN_NS, secs * MIN_SPAN_NS));
  return [end - span, end];
}

/** The points inside the domain, plus the last one before it (so the line enters from the edge). */
export function visiblePoints(
  points: readonly MetricPoint[],
  domain: readonly [number, number],
): MetricPoint[] {
  let first = 0;
  for (let i = 0; i < points.length; i++) if ((points[i] as MetricPoint).t <= domain[0]) first = i;
  return points.slice(first).filter((p) => p.t <= domain[1]);
}

/** [0, a round number ≥ the largest value]; [0, 1] when everything is 0. */
export function yDomain(values: readonly number[]): [number, number] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max <= 0) return [0, 1];
  const nice = scaleLinear().domain([0, max]).nice(4).domain();
  return [0, nice[1] as number];
}

export interface ChartPaths {
  /** The line, empty when there is nothing to draw. */
  readonly line: string;
  /** The area under the line (throughput), empty when not asked for. */
  readonly area: string;
  readonly yMax: number;
  /** x of the last drawn point (a dot marks "now"), or null. */
  readonly lastX: number | null;
  readonly lastY: number | null;
}

export type MetricField = 'tput' | 'p99' | 'p50';

/**
 * Paths for one field. Latency has no value in a window where nothing completed (p99 = 0 with no
 * throughput): the line breaks there instead of falling to a misleading 0 ns.
 */
export function chartPaths(
  points: readonly MetricPoint[],
  field: MetricField,
  domain: readonly [number, number],
  height: number,
  opts: { withArea?: boolean; pad?: number; windowNs?: number } = {},
): ChartPaths {
  const pad = opts.pad ?? 2;
  const pts = visiblePoints(points, domain);
  // A point closes a window: the run's first point also stands for the window before it, so a
  // lone point still draws (a flat stretch one window wide).
  const first = pts[0];
  if (first && first === points[0])
    pts.unshift({ ...first, t: first.t - (opts.windowNs ?? WINDOW_NS) });
  const latency = field !== 'tput';
  const defined = (p: MetricPoint) => !latency || p[field] > 0 || p.tput > 0;
  const values = pts.filter(defined).map((p) => p[field]);
  const [, yMax] = yDomain(values);
  const x = scaleLinear().domain(domain).range([0, CHART_W]).clamp(true);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([height - pad, pad]);
  const gen = line<MetricPoint>()
    .defined(defined)
    .x((p) => x(p.t))
    .y((p) => y(p[field]));
  const areaGen = area<MetricPoint>()
    .defined(defined)
    .x((p) => x(p.t))
    .y0(height)
    .y1((p) => y(p[field]));
  const last = [...pts].reverse().find(defined);
  return {
    line: pts.length ? (gen(pts) ?? '') : '',
    area: opts.withArea && pts.length ? (areaGen(pts) ?? '') : '',
    yMax,
    lastX: last ? x(last.t) : null,
    lastY: last ? y(last[field]) : null,
  };
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly value: number;
}

/** Bars of deadline misses per window (only windows with a miss get a bar). */
export function missBars(
  points: readonly MetricPoint[],
  domain: readonly [number, number],
  height: number,
  windowNs = WINDOW_NS,
): { bars: Bar[]; yMax: number } {
  const pts = visiblePoints(points, domain).filter((p) => p.t > domain[0]);
  const [, yMax] = yDomain(pts.map((p) => p.misses));
  const x = scaleLinear().domain(domain).range([0, CHART_W]);
  const y = scaleLinear().domain([0, yMax]).range([height, 0]);
  const w = Math.max(1.5, x(domain[0] + windowNs) - x(domain[0]) - 0.5);
  const bars = pts
    .filter((p) => p.misses > 0)
    .map((p) => {
      const x1 = x(p.t);
      return {
        x: Math.max(0, x1 - w),
        y: y(p.misses),
        w,
        h: height - y(p.misses),
        value: p.misses,
      };
    });
  return { bars, yMax };
}

/** Latest values of a series, and its peak over the visible points. */
export function summarise(
  points: readonly MetricPoint[],
  domain: readonly [number, number],
): { last: MetricPoint | null; peakTput: number; peakP99: number; misses: number } {
  const pts = visiblePoints(points, domain).filter((p) => p.t > domain[0]);
  let peakTput = 0;
  let peakP99 = 0;
  let misses = 0;
  for (const p of pts) {
    if (p.tput > peakTput) peakTput = p.tput;
    if (p.p99 > peakP99) peakP99 = p.p99;
    misses += p.misses;
  }
  return { last: points[points.length - 1] ?? null, peakTput, peakP99, misses };
}
