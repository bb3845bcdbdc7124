import type { IpiGeometry, PairArrow } from './machine-ipi';
import { rectIndex, type RectIndex } from './rect-index';
import { sqrtScale } from './scales';
import { textWidth } from './machine-text';
import type { Point, Rect } from './machine-types';

/**
 * Aggregated IPI traffic (machine view): one curved arrow per pair of kernels, with its count
 * placed where it covers the least text. Pure geometry; see ipiScene in machine-ipi.
 */

/** A point of the quadratic curve a → c → b at parameter u. */
function onCurve(a: Point, c: Point, b: Point, u: number): Point {
  const v = 1 - u;
  return {
    x: v * v * a.x + 2 * v * u * c.x + u * u * b.x,
    y: v * v * a.y + 2 * v * u * c.y + u * u * b.y,
  };
}

/** A point `by` px from `to` towards `from` (arrows stop short of the gauge they point at). */
function backOff(to: Point, from: Point, by: number): Point {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: to.x + (dx / len) * by, y: to.y + (dy / len) * by };
}

/** Where an arrow's count may go along it (from the middle outwards). */
const LABEL_SPOTS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];
const LABEL_H = 22;
/** The most an arrow bows sideways (px): long arrows on a phone stay on screen. */
const MAX_BOW = 70;
/** The text to avoid, indexed once per geometry (a layout's obstacles do not change). */
const indexes = new WeakMap<readonly Rect[], RectIndex>();
function textIndex(obstacles: readonly Rect[]): RectIndex {
  let index = indexes.get(obstacles);
  if (!index) indexes.set(obstacles, (index = rectIndex(obstacles)));
  return index;
}

/**
 * One curved arrow per (sender → target) pair, as thick as its count (square-root scale); A→B
 * and B→A bow to opposite sides. Each count sits on its arrow where it covers no other count and
 * the least text (the busiest pairs choose first). They come out in a fixed order (by sender,
 * then target), so which arrow lies over which does not change from frame to frame.
 */
export function pairArrows(
  pairs: readonly { from: number; to: number; count: number }[],
  geo: IpiGeometry,
): PairArrow[] {
  const max = Math.max(1, ...pairs.map((p) => p.count));
  const text = textIndex(geo.obstacles);
  const width = sqrtScale([1, max], [2, 7], true);
  const labels = rectIndex([]);
  const out: PairArrow[] = [];
  for (const p of [...pairs].sort((x, y) => y.count - x.count || x.from - y.from)) {
    const ra = geo.ring(p.from);
    const rb = geo.ring(p.to);
    if (!ra || !rb || p.from === p.to) continue;
    // Bow to one side, by at most MAX_BOW px, keeping the curve inside the view.
    const len = Math.hypot(rb.x - ra.x, rb.y - ra.y) || 1;
    const bow = Math.min(0.18, MAX_BOW / len);
    const c = {
      x: Math.max(0, Math.min(geo.width, (ra.x + rb.x) / 2 - (rb.y - ra.y) * bow)),
      y: (ra.y + rb.y) / 2 + (rb.x - ra.x) * bow,
    };
    const a = backOff(ra, c, 6);
    const b = backOff(rb, c, 10);
    const w = textWidth(`×${p.count}`, 12, true) + 16;
    const boxAt = (m: Point) => ({ x: m.x - w / 2, y: m.y - LABEL_H / 2, w, h: LABEL_H });
    // Cover no other count, and as little text as possible (none, most often).
    let mid = onCurve(a, c, b, 0.5);
    let best = Infinity;
    for (const u of LABEL_SPOTS) {
      const m = onCurve(a, c, b, u);
      const box = boxAt(m);
      const cost = 1e6 * labels.coveredArea(box) + text.coveredArea(box);
      if (cost < best) {
        best = cost;
        mid = m;
      }
      if (cost === 0) break;
    }
    const labelled = best === 0;
    if (labelled) labels.add({ x: mid.x - w / 2, y: mid.y - LABEL_H / 2, w, h: LABEL_H });
    out.push({
      key: `${p.from}>${p.to}`,
      from: p.from,
      to: p.to,
      count: p.count,
      path: `M${a.x},${a.y} Q${c.x},${c.y} ${b.x},${b.y}`,
      mid,
      labelled,
      // In half pixels: a count that moves a little leaves the arrow as it was drawn.
      width: Math.round(width(p.count) * 2) / 2,
    });
  }
  return out.sort((x, y) => x.from - y.from || x.to - y.to);
}
