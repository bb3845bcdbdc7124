import type { Arrow } from './timeline-arrows';

// Thinning for a busy window: arrows bundled per CPU pair and column past AGGREGATE_OVER, and
// point marks (fates, bare IPIs) binned per CPU and column, each counting what it stands for.

/** Above this many arrows in view, they are bundled per (sending CPU → handling CPU) per column. */
export const AGGREGATE_OVER = 300;

export interface ArrowBundle {
  readonly cpu0: number;
  readonly cpu1: number;
  /** Left edge of the column, px. */
  readonly column: number;
  /** Mean send and end times of the bundle's arrows (where its one arrow is drawn). */
  readonly t0: number;
  readonly t1: number;
  readonly count: number;
  /** The newest arrow's seq (what clicking the bundle selects). */
  readonly seq: number;
}

export type ArrowPlan =
  | { readonly mode: 'each'; readonly arrows: readonly Arrow[] }
  | { readonly mode: 'bundled'; readonly bundles: readonly ArrowBundle[]; readonly total: number };

/**
 * Draw each arrow while there are at most `threshold`; beyond, bundle them by sending CPU,
 * handling CPU and the column (`columnPx` wide) where the send is, one arrow per bundle.
 */
export function planArrows(
  arrows: readonly Arrow[],
  x: (t: number) => number,
  threshold = AGGREGATE_OVER,
  columnPx = 8,
): ArrowPlan {
  if (arrows.length <= threshold) return { mode: 'each', arrows };
  const acc = new Map<
    string,
    { cpu0: number; cpu1: number; column: number; s0: number; s1: number; n: number; seq: number }
  >();
  for (const a of arrows) {
    const column = Math.floor(x(a.t0) / columnPx) * columnPx;
    const key = `${a.cpu0}>${a.cpu1}@${column}`;
    const b = acc.get(key);
    if (b) {
      b.s0 += a.t0;
      b.s1 += a.t1;
      b.n++;
      if (a.seq > b.seq) b.seq = a.seq;
    } else {
      acc.set(key, { cpu0: a.cpu0, cpu1: a.cpu1, column, s0: a.t0, s1: a.t1, n: 1, seq: a.seq });
    }
  }
  const bundles = [...acc.values()].map((b) => ({
    cpu0: b.cpu0,
    cpu1: b.cpu1,
    column: b.column,
    t0: b.s0 / b.n,
    t1: b.s1 / b.n,
    count: b.n,
    seq: b.seq,
  }));
  return { mode: 'bundled', bundles, total: arrows.length };
}

export interface Binned<T> {
  /** The newest item of the bin (what the mark describes and selects). */
  readonly item: T;
  readonly count: number;
  /** The bin's x (the newest item's). */
  readonly x: number;
}

/**
 * Thin point marks (fates, bare IPIs) to at most one per CPU per `columnPx` column, counting what
 * each stands for: a flood of thousands stays a row of marks.
 */
export function binByColumn<T extends { readonly t: number; readonly cpu: number }>(
  items: readonly T[],
  x: (t: number) => number,
  columnPx = 3,
): Binned<T>[] {
  const bins = new Map<string, { item: T; count: number; x: number }>();
  for (const item of items) {
    const px = x(item.t);
    const key = `${item.cpu}@${Math.floor(px / columnPx)}`;
    const b = bins.get(key);
    if (!b) bins.set(key, { item, count: 1, x: px });
    else {
      b.count++;
      if (item.t >= b.item.t) {
        b.item = item;
        b.x = px;
      }
    }
  }
  return [...bins.values()];
}
