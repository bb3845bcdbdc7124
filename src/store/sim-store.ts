import type {
  AppliedInput,
  CpuMark,
  Frame,
  Happening,
  MachineView,
  MetricPoint,
  OutLine,
  Since,
  TrafficEvent,
} from '../contract';
import { createStore } from 'zustand/vanilla';
import { receiveLessonStatus } from './lesson-store';

export const LOG_CAP = 200;
export const TRAFFIC_CAP = 3000;
export const CPU_MARK_CAP = 4000;
export const SERIES_CAP = 600;
/** The shell transcript keeps this many entries (each output is itself capped by the shell). */
export const SHELL_CAP = 200;

/** One entry of the shell transcript: a line and what it answered. */
export interface ShellEntry {
  readonly id: number;
  readonly line: string;
  readonly output: readonly OutLine[];
  readonly exit: number;
  /** The simulated time the engine ran it at; null for the panel's own lines (history, Tab). */
  readonly atNs: number | null;
  /** Blocked in a system call: the prompt waits until the answer (a `cont` output) comes. */
  readonly waiting?: boolean;
}

/** Append a frame's shell outputs; an answer to a blocked line completes that line's entry. */
function withShell(shell: readonly ShellEntry[], outs: Frame['shell'], next: number): ShellEntry[] {
  const all = [...shell];
  outs.forEach((x, i) => {
    let at = -1;
    for (let j = all.length - 1; x.cont && at < 0 && j >= 0; j--) {
      if (all[j]?.waiting && all[j]?.line === x.line) at = j;
    }
    const open = all[at];
    if (open) {
      all[at] = { ...open, output: [...open.output, ...x.output], exit: x.exit, waiting: false };
    } else {
      const { line, output, exit, atNs } = x;
      all.push({ id: next + i, line, output, exit, atNs, waiting: x.waiting === true });
    }
  });
  return all.slice(-SHELL_CAP);
}

export interface SimState {
  readonly t: number;
  /** Where the scenario's clock starts (after its setup booted its kernels). */
  readonly startT: number;
  /** The latest time the machine has reached (the scrubber's right end). */
  readonly maxT: number;
  readonly view: MachineView | null;
  readonly twin: MachineView | null;
  /** Narrated happenings, newest last, bounded. */
  readonly happenings: readonly Happening[];
  readonly lastSeq: number;
  /** Message traffic and CPU transitions, newest last, bounded: the animation and timeline read these. */
  readonly traffic: readonly TrafficEvent[];
  readonly lastTrafficSeq: number;
  /** How many traffic events the worker left out of frames (the view aggregates them). */
  readonly trafficOmitted: number;
  readonly cpuMarks: readonly CpuMark[];
  readonly lastCpuSeq: number;
  /** Each workload's metric points (100 ms windows), by workload id. */
  readonly series: Readonly<Record<number, readonly MetricPoint[]>>;
  readonly twinSeries: Readonly<Record<number, readonly MetricPoint[]>>;
  readonly logLength: number;
  readonly fork: Frame['fork'];
  /** Inputs the machine refused, newest last, for the UI to explain. */
  readonly rejected: readonly AppliedInput[];
  readonly seeking: boolean;
  /** The shell's transcript, oldest first, bounded; `shellNext` numbers the next entry. */
  readonly shell: readonly ShellEntry[];
  readonly shellNext: number;
}

export const initialSim: SimState = {
  t: 0,
  startT: 0,
  maxT: 0,
  view: null,
  twin: null,
  happenings: [],
  lastSeq: -1,
  traffic: [],
  lastTrafficSeq: -1,
  trafficOmitted: 0,
  cpuMarks: [],
  lastCpuSeq: -1,
  series: {},
  twinSeries: {},
  logLength: 0,
  fork: null,
  rejected: [],
  seeking: false,
  shell: [],
  shellNext: 0,
};

export const simStore = createStore<SimState>(() => initialSim);

/** What the bridge tells the worker the page already has. */
export function sinceOf(s: SimState): Since {
  return { sinceHappening: s.lastSeq, sinceTraffic: s.lastTrafficSeq, sinceCpuMark: s.lastCpuSeq };
}

function appendSeries(
  prev: Readonly<Record<number, readonly MetricPoint[]>>,
  view: MachineView | null,
  rewound: boolean,
  t: number,
): Record<number, readonly MetricPoint[]> {
  const out: Record<number, readonly MetricPoint[]> = {};
  for (const w of view?.workloads ?? []) {
    let pts = prev[w.id] ?? [];
    if (rewound) pts = pts.filter((p) => p.t <= t);
    const last = pts[pts.length - 1];
    if (w.last && (!last || w.last.t > last.t)) pts = [...pts, w.last].slice(-SERIES_CAP);
    out[w.id] = pts;
  }
  return out;
}

/**
 * A frame that brings nothing new: the clock where it was, nothing applied, printed or sent, the
 * same machine. Paused, the page still asks for a frame a second (so a silent worker is noticed);
 * folding it in anyway made every part of the page draw itself again, each second, for nothing
 * (issue 14: on a slow CPU a long task a second on a page nobody touched).
 */
function bringsNothing(s: SimState, f: Frame): boolean {
  return (
    f.t === s.t &&
    f.applied.length === 0 &&
    f.shell.length === 0 &&
    f.happenings.length === 0 &&
    f.traffic.length === 0 &&
    f.trafficOmitted === 0 &&
    f.cpuMarks.length === 0 &&
    f.fork === null &&
    f.happeningHead > s.lastSeq &&
    f.logLength === s.logLength &&
    f.seeking === s.seeking &&
    s.view !== null &&
    JSON.stringify(f.view) === JSON.stringify(s.view) &&
    JSON.stringify(f.twin) === JSON.stringify(s.twin)
  );
}

/** A bounded buffer with a frame's new entries; after a rewind, only what `kept` keeps of it. */
function grown<T>(
  had: readonly T[],
  added: readonly T[],
  cap: number,
  rewound: boolean,
  kept: (x: T) => boolean,
): readonly T[] {
  if (!rewound && added.length === 0) return had;
  return [...(rewound ? had.filter(kept) : had), ...added].slice(-cap);
}

/** Fold one frame from the worker into the store. */
export function receiveFrame(f: Frame): void {
  receiveLessonStatus(f.lesson);
  if (bringsNothing(simStore.getState(), f)) return;
  simStore.setState((s) => {
    // After a rewind the worker's buffers were restored from a checkpoint: drop what lies ahead of
    // the new time and continue from the worker's sequence numbers (re-simulation gives the same).
    const rewound = f.t < s.t || f.happeningHead <= s.lastSeq;
    // A buffer the frame adds nothing to stays the same array: what shows it (the event log)
    // need not draw itself again (issue 14).
    const before = (head: number) => (x: { t: number; seq: number }) => x.t <= f.t && x.seq < head;
    const happenings = grown(s.happenings, f.happenings, LOG_CAP, rewound, (h) => h.t <= f.t);
    const traffic = grown(s.traffic, f.traffic, TRAFFIC_CAP, rewound, before(f.trafficHead));
    const cpuMarks = grown(s.cpuMarks, f.cpuMarks, CPU_MARK_CAP, rewound, before(f.cpuMarkHead));
    const refused = f.applied.filter((a) => !a.result.ok);
    const shell = f.shell.length ? withShell(s.shell, f.shell, s.shellNext) : s.shell;
    return {
      t: f.t,
      startT: s.view === null ? f.t : s.startT,
      maxT: f.fork ? f.t : Math.max(f.t, s.maxT),
      view: f.view,
      twin: f.twin,
      happenings,
      lastSeq: rewound
        ? f.happeningHead - 1
        : (happenings[happenings.length - 1]?.seq ?? s.lastSeq),
      traffic,
      lastTrafficSeq: rewound
        ? f.trafficHead - 1
        : (traffic[traffic.length - 1]?.seq ?? s.lastTrafficSeq),
      trafficOmitted: s.trafficOmitted + f.trafficOmitted,
      cpuMarks,
      lastCpuSeq: rewound
        ? f.cpuMarkHead - 1
        : (cpuMarks[cpuMarks.length - 1]?.seq ?? s.lastCpuSeq),
      series: appendSeries(s.series, f.view, rewound, f.t),
      twinSeries: appendSeries(s.twinSeries, f.twin, rewound, f.t),
      logLength: f.logLength,
      fork: f.fork ?? s.fork,
      rejected: refused.length ? [...s.rejected, ...refused].slice(-20) : s.rejected,
      seeking: f.seeking,
      shell,
      shellNext: s.shellNext + f.shell.length,
    };
  });
}

/** The shell panel's own entries (history, completion lists): shown, never sent to the machine. */
export function pushShellEntry(entry: Omit<ShellEntry, 'id'>): void {
  simStore.setState((s) => ({
    shell: [...s.shell, { ...entry, id: s.shellNext }].slice(-SHELL_CAP),
    shellNext: s.shellNext + 1,
  }));
}

/** `clear` and Ctrl-L: empty the transcript (the machine and its log are untouched). */
export function clearShell(): void {
  simStore.setState({ shell: [] });
}

/** A new machine (another preset or seed): forget everything about the old one. */
export function resetSim(): void {
  simStore.setState(initialSim);
}
