import type { LatencyWindow, MetricPoint, Workload } from './types';

/** Four buckets per power of two of nanoseconds: ≤ 19 % error, integer-only. */
const SUB = 4;
export const HIST_BUCKETS = 48 * SUB;
/**
 * Closed windows kept per workload. Only the newest is read (the view's `last`, the lessons'
 * goals); the page keeps its own series from frames. A long history would be cloned into every
 * checkpoint: memory over a long run (DESIGN §8).
 */
export const HISTORY_CAP = 2;

export function bucketOf(ns: number): number {
  if (ns < 1) return 0;
  if (ns < 0x100000000) {
    // Nearly every latency is under 4.3 s: 32-bit shifts, the same buckets without `2 **` (a call).
    const v = ns >>> 0;
    const top = 31 - Math.clz32(v);
    return top * SUB + (top >= 2 ? (v >>> (top - 2)) & (SUB - 1) : 0);
  }
  const v = Math.min(ns, 0xffffffffff);
  const hi = Math.floor(v / 0x100000000);
  const bits = hi > 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(v >>> 0);
  const top = bits - 1;
  // The two bits after the leading one pick the sub-bucket.
  const sub = top >= 2 ? Math.floor(v / 2 ** (top - 2)) & (SUB - 1) : 0;
  return Math.min(HIST_BUCKETS - 1, top * SUB + sub);
}

/** The lower edge of a bucket, in ns. */
export function bucketFloor(b: number): number {
  const top = Math.floor(b / SUB);
  const sub = b % SUB;
  if (top < 2) return 2 ** top;
  return 2 ** top + sub * 2 ** (top - 2);
}

export function newWindow(): LatencyWindow {
  return { completed: 0, errors: 0, misses: 0, hist: new Array<number>(HIST_BUCKETS).fill(0) };
}

export function recordLatency(w: Workload, ns: number): void {
  w.win.completed++;
  w.totalCompleted++;
  const b = bucketOf(ns);
  w.win.hist[b] = (w.win.hist[b] as number) + 1;
}

export function percentile(hist: readonly number[], total: number, perMille: number): number {
  if (total === 0) return 0;
  const want = Math.ceil((total * perMille) / 1000);
  let seen = 0;
  for (let b = 0; b < hist.length; b++) {
    seen += hist[b] as number;
    if (seen >= want) return bucketFloor(b);
  }
  return bucketFloor(hist.length - 1);
}

/** Close the current window into a history point (throughput per second of simulated time). */
export function rollWindow(w: Workload, t: number, windowNs: number): MetricPoint {
  const samples = w.win.hist.reduce((a, b) => a + b, 0);
  const point: MetricPoint = {
    t,
    tput: Math.floor((w.win.completed * 1_000_000_000) / windowNs),
    p50: percentile(w.win.hist, samples, 500),
    p99: percentile(w.win.hist, samples, 990),
    errors: w.win.errors,
    misses: w.win.misses,
  };
  w.history.push(point);
  if (w.history.length > HISTORY_CAP) w.history.splice(0, w.history.length - HISTORY_CAP);
  w.win = newWindow();
  return point;
}
