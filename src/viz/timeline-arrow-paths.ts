import type { ArrowPlan } from './timeline-bundles';

// The arrows as drawn: segments in px on the lanes, the SVG paths that draw them all at once,
// and the hit test that finds the one under the pointer.

/** Stroke width for a bundle of `count` arrows: 1 px for one, +0.5 px per doubling, at most 4 px. */
export function bundleWidth(count: number): number {
  let w = 1;
  for (let n = count; n > 1 && w < 4; n = Math.floor(n / 2)) w += 0.5;
  return Math.min(4, w);
}

/** One arrow (or bundle) as drawn: px from its send to its end, with the message it selects. */
export interface ArrowSeg {
  readonly seq: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Stroke width. */
  readonly w: number;
  /** No end yet, or no length: drawn as a dot at the send. */
  readonly dot: boolean;
  /** How many messages it stands for (1 unless bundled). */
  readonly count: number;
}

/** Place the plan's arrows on the lanes (`mid`: a CPU's lane middle); lanes not drawn are skipped. */
export function arrowSegments(
  plan: ArrowPlan,
  x: (t: number) => number,
  mid: ReadonlyMap<number, number>,
): ArrowSeg[] {
  const out: ArrowSeg[] = [];
  const place = (
    seq: number,
    t0: number,
    cpu0: number,
    t1: number,
    cpu1: number,
    pending: boolean,
    count: number,
  ) => {
    const y0 = mid.get(cpu0);
    const y1 = mid.get(cpu1);
    if (y0 === undefined || y1 === undefined) return;
    const x0 = x(t0);
    const x1 = x(t1);
    const dot = pending || (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) < 1);
    out.push({ seq, x0, y0, x1, y1, w: count > 1 ? bundleWidth(count) : 1.25, dot, count });
  };
  if (plan.mode === 'each') {
    for (const a of plan.arrows) place(a.seq, a.t0, a.cpu0, a.t1, a.cpu1, a.end === 'pending', 1);
  } else {
    for (const b of plan.bundles) place(b.seq, b.t0, b.cpu0, b.t1, b.cpu1, false, b.count);
  }
  return out;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * SVG paths for many arrows at once (one element per stroke width, not one per arrow: a busy
 * machine has hundreds in view every frame). Each line stops `head` px short of its end, where a
 * filled triangle points along it; dots are small circles.
 */
export function arrowPaths(
  segs: readonly ArrowSeg[],
  head = 6,
): { lines: { w: number; d: string }[]; heads: string; dots: string } {
  const byW = new Map<number, string[]>();
  const heads: string[] = [];
  const dots: string[] = [];
  for (const s of segs) {
    if (s.dot) {
      const r = 2.5;
      dots.push(
        `M${r1(s.x0 - r)},${r1(s.y0)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
      );
      continue;
    }
    const dx = s.x1 - s.x0;
    const dy = s.y1 - s.y0;
    const len = Math.hypot(dx, dy);
    if (len < 0.5) continue;
    const ux = dx / len;
    const uy = dy / len;
    const h = Math.min(head + s.w, len);
    const bx = s.x1 - ux * h;
    const by = s.y1 - uy * h;
    const list = byW.get(s.w) ?? [];
    list.push(`M${r1(s.x0)},${r1(s.y0)}L${r1(bx)},${r1(by)}`);
    byW.set(s.w, list);
    const half = (h * 0.5 + s.w) / 1.5;
    heads.push(
      `M${r1(s.x1)},${r1(s.y1)}L${r1(bx - uy * half)},${r1(by + ux * half)}L${r1(bx + uy * half)},${r1(by - ux * half)}Z`,
    );
  }
  return {
    lines: [...byW.entries()].sort((a, b) => a[0] - b[0]).map(([w, d]) => ({ w, d: d.join('') })),
    heads: heads.join(''),
    dots: dots.join(''),
  };
}

/** The arrow nearest to (px, py), within `maxDist` px of its line or dot; null if none. */
export function nearestArrow(
  segs: readonly ArrowSeg[],
  px: number,
  py: number,
  maxDist = 6,
): ArrowSeg | null {
  let best: ArrowSeg | null = null;
  let bestD = maxDist;
  for (const s of segs) {
    const dx = s.x1 - s.x0;
    const dy = s.y1 - s.y0;
    const len2 = dx * dx + dy * dy;
    const f =
      s.dot || len2 === 0
        ? 0
        : Math.max(0, Math.min(1, ((px - s.x0) * dx + (py - s.y0) * dy) / len2));
    const d = Math.hypot(px - (s.x0 + f * dx), py - (s.y0 + f * dy)) - s.w / 2;
    if (d <= bestD) {
      bestD = d;
      best = s;
    }
  }
  return best;
}
