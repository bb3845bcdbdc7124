import type { Rect } from './machine-types';

/**
 * Rectangles bucketed on a square grid, so "how much of them does this box cover" reads only the
 * few near the box. The machine view asks it for every spot of every arrow count it places: over
 * a 256-CPU machine's ~1,200 text boxes (and the counts already placed) a scan of all of them cost
 * ~15 ms a frame.
 */
export interface RectIndex {
  /** The area of `box` the indexed rectangles cover (overlaps counted once per rectangle). */
  coveredArea(box: Rect): number;
  /** Index one more rectangle. */
  add(r: Rect): void;
}

/** Grid cell side (px): about one CPU cell, so a label box touches 1–4 buckets. */
const BUCKET = 64;

const overlapArea = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

export function rectIndex(initial: readonly Rect[]): RectIndex {
  const rects: Rect[] = [];
  const buckets = new Map<number, number[]>();
  // Bucket keys pack (column, row); columns and rows stay far below 2^16 for any drawing.
  const key = (col: number, row: number) => (row + 0x8000) * 0x10000 + (col + 0x8000);
  const span = (r: Rect) => ({
    c0: Math.floor(r.x / BUCKET),
    c1: Math.floor((r.x + r.w) / BUCKET),
    r0: Math.floor(r.y / BUCKET),
    r1: Math.floor((r.y + r.h) / BUCKET),
  });
  // A rectangle in several buckets is counted once per query: stamped with the query's number.
  const seen: number[] = [];
  let query = 0;
  const index: RectIndex = {
    add(r) {
      const i = rects.length;
      rects.push(r);
      seen.push(0);
      const s = span(r);
      for (let row = s.r0; row <= s.r1; row++)
        for (let col = s.c0; col <= s.c1; col++) {
          const k = key(col, row);
          const list = buckets.get(k);
          if (list) list.push(i);
          else buckets.set(k, [i]);
        }
    },
    coveredArea(box) {
      query++;
      let area = 0;
      const s = span(box);
      for (let row = s.r0; row <= s.r1; row++)
        for (let col = s.c0; col <= s.c1; col++) {
          for (const i of buckets.get(key(col, row)) ?? []) {
            if (seen[i] === query) continue;
            seen[i] = query;
            area += overlapArea(rects[i] as Rect, box);
          }
        }
      return area;
    },
  };
  for (const r of initial) index.add(r);
  return index;
}
