import { BLOCK_MIB, HOST, POOL } from '../contract';
import { trafficOf, type Machine } from '../sim';
import type { ShellWait } from '../shell';
import type {
  GoalView,
  LessonLogic,
  LessonSlug,
  MachineSummary,
  MsgFilter,
  StepHappening,
  WlFigures,
} from './types';

/** Happenings kept per step for `ev()` (a step that floods more than this counts the newest). */
const STEP_HAPPENINGS_CAP = 2000;

/**
 * Goal tracking for one lesson: plain data, so the engine's checkpoints clone it with the
 * machine. `observe` must run at least every few thousand events (the traffic buffer's slack):
 * the engine calls it after every chunk of a lesson run.
 */
export interface TrackerState {
  readonly slug: LessonSlug;
  step: number;
  markers: number[];
  base: MachineSummary;
  twinBase: MachineSummary | null;
  /** Message counts since the step began, by `kind|from|to|category/subtype|reason`. */
  tally: Record<string, number>;
  happenings: StepHappening[];
  /** Shell lines of this step; a line blocked in a system call has no exit status until the
   * machine answers it (`wait`), so a goal never sees its provisional 0. */
  lines: { line: string; exit: number | null; wait?: ShellWait }[];
  met: boolean[];
  trafficCursor: number;
  happeningCursor: number;
}

export function summarize(m: Machine): MachineSummary {
  const mem: Record<string, number> = {};
  const corrupt: Record<string, number> = {};
  const byId = new Map<number, string>();
  for (const inst of m.instances.values()) {
    byId.set(inst.id, inst.name);
    corrupt[inst.name] = inst.corruptBytes;
    mem[inst.name] = 0;
  }
  let poolBlocks = 0;
  for (const owner of m.blocks) {
    if (owner === POOL) poolBlocks++;
    const name = byId.get(owner);
    if (name !== undefined) mem[name] = (mem[name] ?? 0) + BLOCK_MIB;
  }
  const wl: Record<string, WlFigures> = {};
  for (const w of m.workloads) {
    const last = w.history[w.history.length - 1];
    wl[w.name] = { tput: last?.tput ?? 0, p99: last?.p99 ?? 0, misses: w.totalMisses };
  }
  return {
    poolMiB: poolBlocks * BLOCK_MIB,
    poolCpus: m.cpus.filter((c) => c.owner === POOL).map((c) => c.id),
    mem,
    corrupt,
    wl,
  };
}

function nameOf(m: Machine, id: number): string {
  if (id === HOST) return 'host';
  return m.instances.get(id)?.name ?? `#${id}`;
}

export function startTracker(slug: LessonSlug, m: Machine, twin: Machine | null): TrackerState {
  const st: TrackerState = {
    slug,
    step: 0,
    markers: [],
    base: summarize(m),
    twinBase: null,
    tally: {},
    happenings: [],
    lines: [],
    met: [],
    trafficCursor: m.trafficSeq,
    happeningCursor: m.happeningSeq,
  };
  return beginStep(st, 0, m, twin);
}

/** The learner is now at `step`: goals start again from here. */
export function beginStep(
  st: TrackerState,
  step: number,
  m: Machine,
  twin: Machine | null,
): TrackerState {
  st.step = step;
  st.markers = [...st.markers.slice(0, step), m.now];
  st.base = summarize(m);
  st.twinBase = twin ? summarize(twin) : null;
  st.tally = {};
  st.happenings = [];
  st.lines = [];
  st.met = [];
  st.trafficCursor = m.trafficSeq;
  st.happeningCursor = m.happeningSeq;
  return st;
}

export function noteLine(st: TrackerState, line: string, exit: number, wait?: ShellWait): void {
  const norm = line.trim().replace(/\s+/g, ' ');
  st.lines.push(wait ? { line: norm, exit: null, wait } : { line: norm, exit });
}

/**
 * Blocked lines get their exit status once `answer` has one for their call (the worker asks the
 * shell's settleWait; Ctrl-C answers 130 for all).
 */
export function settleLines(st: TrackerState, answer: (w: ShellWait) => number | null): void {
  for (const l of st.lines) {
    if (!l.wait) continue;
    const exit = answer(l.wait);
    if (exit === null) continue;
    l.exit = exit;
    delete l.wait;
  }
}

/** Take in what happened since the last look, then check the step's goals (they latch). */
export function observe(
  st: TrackerState,
  logic: LessonLogic,
  m: Machine,
  twin: Machine | null,
): void {
  for (const e of trafficOf(m)) {
    if (e.seq < st.trafficCursor) continue;
    if (e.kind === 'ipi') continue;
    const key = `${e.kind}|${nameOf(m, e.from)}|${nameOf(m, e.to)}|${e.category}/${e.subtype}|${e.reason}`;
    st.tally[key] = (st.tally[key] ?? 0) + 1;
  }
  st.trafficCursor = m.trafficSeq;
  for (const h of m.recent) {
    if (h.seq < st.happeningCursor) continue;
    st.happenings.push({ t: h.t, kind: h.kind, kernel: nameOf(m, h.kernel), detail: h.detail });
  }
  st.happeningCursor = m.happeningSeq;
  if (st.happenings.length > STEP_HAPPENINGS_CAP)
    st.happenings.splice(0, st.happenings.length - STEP_HAPPENINGS_CAP);
  const goals = logic.steps[st.step]?.goals ?? [];
  if (goals.every((_, i) => st.met[i] === true)) return;
  const view = goalView(st, m, twin);
  goals.forEach((g, i) => {
    if (st.met[i] !== true) st.met[i] = g.check(view);
  });
}

/** Every goal of the current step has held. */
export function stepDone(st: TrackerState, logic: LessonLogic): boolean {
  const goals = logic.steps[st.step]?.goals ?? [];
  return goals.every((_, i) => st.met[i] === true);
}

const TRAFFIC_KIND: Record<NonNullable<MsgFilter['fate']>, string> = {
  sent: 'send',
  delivered: 'deliver',
  'rejected-enospc': 'reject',
  overwritten: 'overwrite',
  dropped: 'drop',
};

function matches(key: string, f: MsgFilter): boolean {
  const [kind = '', from = '', to = '', type = '', reason = ''] = key.split('|');
  if (kind !== TRAFFIC_KIND[f.fate ?? 'sent']) return false;
  if (f.from !== undefined && from !== f.from) return false;
  if (f.to !== undefined && to !== f.to) return false;
  if (f.reason !== undefined && reason !== f.reason) return false;
  if (f.type !== undefined) {
    const [cat] = type.split('/');
    if (f.type.includes('/') ? type !== f.type : cat !== f.type) return false;
  }
  return true;
}

export function goalView(st: TrackerState, m: Machine, twin: Machine | null): GoalView {
  const byName = (mm: Machine, name: string) => {
    for (const inst of mm.instances.values()) if (inst.name === name) return inst;
    return undefined;
  };
  return {
    m,
    twin,
    base: st.base,
    twinBase: st.twinBase,
    now: summarize(m),
    twinNow: twin ? summarize(twin) : null,
    msgs: (f) => {
      let n = 0;
      for (const [key, count] of Object.entries(st.tally)) if (matches(key, f)) n += count;
      return n;
    },
    ev: (kind, match) =>
      st.happenings.filter((h) => h.kind === kind && (match ? match(h) : true)).length,
    did: (line, exit = 'ok') => {
      const want = line.trim().replace(/\s+/g, ' ');
      return st.lines.some(
        (l) => l.line === want && l.exit !== null && (exit === 'ok' ? l.exit === 0 : l.exit !== 0),
      );
    },
    inst: (name) => byName(m, name),
    wl: (name, machine = 'main') =>
      (machine === 'twin' ? twin : m)?.workloads.find((w) => w.name === name),
    id: (name) => (name === 'host' ? HOST : (byName(m, name)?.id ?? -1)),
  };
}
