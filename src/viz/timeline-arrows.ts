import type { TrafficEvent } from '../contract';
import type { TimeWindow } from './timeline-window';

/**
 * IPI arrows for the space-time diagram: a message's 'send' at (t, sending CPU) paired with its
 * 'deliver' (same id) at (t, handling CPU); refusals, drops and overwrites as fate marks; bare
 * IPIs (a flood) as ticks on the target CPU; and aggregation when too many arrows are in view.
 */

export type ArrowEnd = 'deliver' | 'fate' | 'pending';

export interface Arrow {
  /** The 'send' event's seq: what selecting the message uses. */
  readonly seq: number;
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly t0: number;
  readonly cpu0: number;
  /** Where the arrow ends: the handling CPU, the CPU where it was dropped, or (pending) the sender. */
  readonly t1: number;
  readonly cpu1: number;
  readonly end: ArrowEnd;
  readonly category: string;
  readonly subtype: string;
}

export type FateKind = 'reject' | 'drop' | 'overwrite';

export interface FateMark {
  readonly seq: number;
  /** The send's seq when the page saw it, else this event's own seq. */
  readonly messageSeq: number;
  readonly t: number;
  readonly cpu: number;
  readonly kind: FateKind;
  readonly reason: string;
  readonly from: number;
  readonly to: number;
  readonly category: string;
  readonly subtype: string;
}

export interface RawIpi {
  readonly seq: number;
  readonly t: number;
  readonly cpu: number;
  readonly from: number;
  readonly to: number;
}

export interface Traffic {
  readonly arrows: Arrow[];
  readonly fates: FateMark[];
  readonly ipis: RawIpi[];
}

/**
 * Pair the traffic (oldest first) into what the window shows. An arrow is kept when any part of it
 * lies in the window; a send with no outcome yet is `pending` and ends where it starts (at `now`
 * it is still in flight). A 'deliver' whose send the page never saw (left out of a busy frame, or
 * older than the buffer) is not drawn.
 */
export function pairTraffic(traffic: readonly TrafficEvent[], win: TimeWindow): Traffic {
  const open = new Map<number, TrafficEvent>();
  const arrows: Arrow[] = [];
  const fates: FateMark[] = [];
  const ipis: RawIpi[] = [];
  const inWin = (t0: number, t1: number) => t1 >= win.start && t0 <= win.end;
  const arrow = (s: TrafficEvent, t1: number, cpu1: number, end: ArrowEnd): Arrow => ({
    seq: s.seq,
    id: s.id,
    from: s.from,
    to: s.to,
    t0: s.t,
    cpu0: s.cpu,
    t1,
    cpu1,
    end,
    category: s.category,
    subtype: s.subtype,
  });
  for (const e of traffic) {
    switch (e.kind) {
      case 'send':
        open.set(e.id, e);
        break;
      case 'deliver': {
        const s = open.get(e.id);
        if (!s) break;
        open.delete(e.id);
        if (inWin(s.t, e.t) && s.cpu >= 0 && e.cpu >= 0)
          arrows.push(arrow(s, e.t, e.cpu, 'deliver'));
        break;
      }
      case 'ipi':
        if (inWin(e.t, e.t) && e.cpu >= 0)
          ipis.push({ seq: e.seq, t: e.t, cpu: e.cpu, from: e.from, to: e.to });
        break;
      default: {
        // reject / drop / overwrite: the message's fate. A sent message that is later dropped or
        // overwritten ends its arrow at the fate mark.
        const s = open.get(e.id);
        if (s) open.delete(e.id);
        const cpu = e.cpu >= 0 ? e.cpu : (s?.cpu ?? -1);
        if (s && s.cpu >= 0 && cpu >= 0 && inWin(s.t, e.t)) arrows.push(arrow(s, e.t, cpu, 'fate'));
        if (cpu >= 0 && inWin(e.t, e.t)) {
          fates.push({
            seq: e.seq,
            messageSeq: s ? s.seq : e.seq,
            t: e.t,
            cpu,
            kind: e.kind,
            reason: e.reason,
            from: e.from,
            to: e.to,
            category: e.category,
            subtype: e.subtype,
          });
        }
      }
    }
  }
  for (const s of open.values()) {
    if (s.cpu >= 0 && inWin(s.t, s.t)) arrows.push(arrow(s, s.t, s.cpu, 'pending'));
  }
  arrows.sort((a, b) => a.seq - b.seq);
  return { arrows, fates, ipis };
}

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
