import type { CpuMark, CpuState } from '../contract';
import type { TimeWindow } from './timeline-window';

/** The timeline's lanes: one per CPU, grouped by the kernel that owns it now. */

export interface LaneGroup {
  /** Owner id: host 0, spawns ≥ 1, the pool −1. */
  readonly owner: number;
  readonly cpus: readonly number[];
}

/** Host first, then spawned kernels by id, the pool last; CPUs by id inside a group. */
export function groupLanes(cpus: readonly { id: number; owner: number }[]): LaneGroup[] {
  const by = new Map<number, number[]>();
  for (const c of cpus) {
    const list = by.get(c.owner);
    if (list) list.push(c.id);
    else by.set(c.owner, [c.id]);
  }
  const rank = (o: number) => (o < 0 ? Number.MAX_SAFE_INTEGER : o);
  return [...by.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([owner, ids]) => ({ owner, cpus: [...ids].sort((a, b) => a - b) }));
}

export type LaneRow =
  | { readonly kind: 'group'; readonly owner: number; readonly y: number; readonly h: number }
  | {
      readonly kind: 'lane';
      readonly owner: number;
      readonly cpu: number;
      readonly y: number;
      readonly h: number;
    };

export interface LaneLayout {
  readonly rows: readonly LaneRow[];
  /** Vertical middle of each CPU's lane. */
  readonly mid: ReadonlyMap<number, number>;
  readonly height: number;
}

/** Stack group headers and lanes from `top` down. */
export function layoutLanes(
  groups: readonly LaneGroup[],
  laneH: number,
  headerH: number,
  top = 0,
): LaneLayout {
  const rows: LaneRow[] = [];
  const mid = new Map<number, number>();
  let y = top;
  for (const g of groups) {
    rows.push({ kind: 'group', owner: g.owner, y, h: headerH });
    y += headerH;
    for (const cpu of g.cpus) {
      rows.push({ kind: 'lane', owner: g.owner, cpu, y, h: laneH });
      mid.set(cpu, y + laneH / 2);
      y += laneH;
    }
  }
  return { rows, mid, height: y };
}

/** Lane height: roomy for a small machine, tighter (still fits 12 px labels) for a big one. */
export function laneHeight(cpuCount: number): number {
  if (cpuCount <= 8) return 22;
  if (cpuCount <= 16) return 18;
  return 15;
}

export interface LaneSegment {
  readonly cpu: number;
  readonly start: number;
  readonly end: number;
  readonly state: CpuState;
  readonly owner: number;
}

/**
 * Each CPU's lane as segments over the window. A mark says a CPU changed state or owner at `t`;
 * a segment runs from one mark to the next (or the window's end). The last mark at or before the
 * window's start gives the colour at the start. A CPU with no mark at all takes `current` (its
 * state now) for the whole window; before a CPU's first known mark nothing is drawn.
 * `marks` must be in the order they happened (as the store keeps them).
 */
export function laneSegments(
  marks: readonly CpuMark[],
  win: TimeWindow,
  current: readonly { id: number; owner: number; state: CpuState }[],
): Map<number, LaneSegment[]> {
  const byCpu = new Map<number, CpuMark[]>();
  for (const m of marks) {
    if (m.t > win.end) continue;
    const list = byCpu.get(m.cpu);
    if (list) list.push(m);
    else byCpu.set(m.cpu, [m]);
  }
  const out = new Map<number, LaneSegment[]>();
  for (const c of current) {
    const list = byCpu.get(c.id);
    const segs: LaneSegment[] = [];
    if (!list || list.length === 0) {
      if (win.end > win.start)
        segs.push({ cpu: c.id, start: win.start, end: win.end, state: c.state, owner: c.owner });
      out.set(c.id, segs);
      continue;
    }
    // The last mark at or before the start, then every later one.
    let first = 0;
    for (let i = 0; i < list.length; i++) if ((list[i] as CpuMark).t <= win.start) first = i;
    for (let i = first; i < list.length; i++) {
      const m = list[i] as CpuMark;
      const next = list[i + 1];
      const start = Math.max(win.start, m.t);
      const end = Math.min(win.end, next ? next.t : win.end);
      if (end <= start) continue;
      const prev = segs[segs.length - 1];
      if (prev && prev.state === m.state && prev.owner === m.owner && prev.end === start) {
        segs[segs.length - 1] = { ...prev, end };
      } else {
        segs.push({ cpu: c.id, start, end, state: m.state, owner: m.owner });
      }
    }
    out.set(c.id, segs);
  }
  return out;
}

export type CpuEventKind = 'boot' | 'halt';

export interface CpuEvent {
  readonly seq: number;
  readonly t: number;
  readonly cpu: number;
  readonly kind: CpuEventKind;
  readonly owner: number;
}

/** Boot and halt marks on the lanes: a CPU entering `booting` or `halted` inside the window. */
export function cpuEvents(marks: readonly CpuMark[], win: TimeWindow): CpuEvent[] {
  const out: CpuEvent[] = [];
  const last = new Map<number, CpuState>();
  for (const m of marks) {
    const before = last.get(m.cpu);
    last.set(m.cpu, m.state);
    if (m.t < win.start || m.t > win.end || before === m.state) continue;
    if (m.state === 'booting' || m.state === 'halted') {
      out.push({
        seq: m.seq,
        t: m.t,
        cpu: m.cpu,
        kind: m.state === 'booting' ? 'boot' : 'halt',
        owner: m.owner,
      });
    }
  }
  return out;
}
