// Reading a page load's trace (scripts/profile-load.ts): the main thread's tasks after the first
// paint, the blocking time Lighthouse's 4× simulation would charge for them, and what each long one
// spent its time on — the page's functions (from the CPU profile) and the browser's own work
// (style, layout, paint: trace events).

/** One Chrome trace event, the fields read here. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly id?: string;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly startTime?: number;
      readonly timeDeltas?: number[];
      readonly cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
    };
  };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName?: string; url?: string; lineNumber?: number };
  readonly children?: number[];
}

/** Lighthouse's simulation slows the main thread 4×; a task blocks for what exceeds 50 ms. */
const SLOWDOWN = 4;
const BLOCKING_MS = 50;
/** Tasks that would block at 4×: over 12.5 ms here. */
export const LONG_AT_4X_MS = BLOCKING_MS / SLOWDOWN;

/** A long task: when (ms from navigation), how long, and what took it (ms, most first). */
export interface LongTask {
  readonly atMs: number;
  readonly ms: number;
  readonly functions: readonly [string, number][];
  readonly browser: readonly [string, number][];
}

export interface LoadProfile {
  readonly firstPaintMs: number;
  /** Σ max(0, 4·d − 50) over the main thread's tasks after the first paint. */
  readonly blockingAt4xMs: number;
  readonly longTasks: readonly LongTask[];
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const BROWSER_WORK = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseHTML',
  'MinorGC',
  'MajorGC',
]);

const top = (m: Map<string, number>, n: number): [string, number][] =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The CPU profile's samples (node id, time in trace µs) and a node's printable name. */
function samplesOf(events: readonly TraceEvent[], pid: number, tid: number) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const nodes = new Map<number, ProfileNode>();
  const samples: { node: number; ts: number }[] = [];
  let ts = profile?.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile?.id) continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ node, ts });
    });
  }
  const name = (id: number): string => {
    const f = nodes.get(id)?.callFrame;
    if (!f) return '?';
    const file = f.url?.split('/').pop();
    // Native entries ("(program)": the browser's own work; "(garbage collector)") have no file.
    return file
      ? `${f.functionName || '(anonymous)'} ${file}:${(f.lineNumber ?? 0) + 1}`
      : (f.functionName ?? '?');
  };
  return { samples, name };
}

/** The load's profile from its trace; null when the trace has no first paint. */
export function readLoad(events: readonly TraceEvent[]): LoadProfile | null {
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) return null;
  const { pid } = paint;
  const tid = events.find(
    (e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  )?.tid;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid);
  if (tid === undefined || !nav) return null;
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (e.dur ?? 0) > 0)
    // A task and one nested in it may start at the same time: the longer (outer) one first.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top-level tasks only (a task may run inside another's nested loop).
  const tasks: TraceEvent[] = [];
  for (const e of mine) {
    const last = tasks[tasks.length - 1];
    if (TASK_NAMES.has(e.name) && (!last || e.ts >= last.ts + (last.dur ?? 0))) tasks.push(e);
  }
  const after = tasks.filter((t) => t.ts + (t.dur ?? 0) > paint.ts);
  const ms = (t: TraceEvent) => (t.dur ?? 0) / 1000;
  const blockingAt4xMs = after.reduce((s, t) => s + Math.max(0, SLOWDOWN * ms(t) - BLOCKING_MS), 0);
  const { samples, name } = samplesOf(events, pid, tid);
  const longTasks = after
    .filter((t) => ms(t) > LONG_AT_4X_MS)
    .map((t): LongTask => {
      const end = t.ts + (t.dur ?? 0);
      const fns = new Map<string, number>();
      const inside = samples.filter((s) => s.ts >= t.ts && s.ts <= end);
      // Each sample stands for its share of the task's time.
      for (const s of inside) add(fns, name(s.node), ms(t) / inside.length);
      const browser = new Map<string, number>();
      for (const e of mine) {
        if (e.ts >= t.ts && e.ts <= end && BROWSER_WORK.has(e.name)) add(browser, e.name, ms(e));
      }
      return {
        atMs: (t.ts - nav.ts) / 1000,
        ms: ms(t),
        functions: top(fns, 4),
        browser: top(browser, 4),
      };
    });
  return { firstPaintMs: (paint.ts - nav.ts) / 1000, blockingAt4xMs, longTasks };
}
