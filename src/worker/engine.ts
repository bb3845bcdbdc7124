import {
  advanceTo,
  apply,
  createMachine,
  happeningsSince,
  newerThan,
  nextEventTime,
  replay,
  snapshot,
  traceHash,
  twinInput,
  twinScenario,
  type Input,
  type Machine,
  type Scenario,
} from '../sim';
import { execLine, isShellLine, type EngineInput } from '../shell';

export type { EngineInput, OutLine } from '../shell';

/** At most this many events per frame, so a frame never blocks the worker for long. */
export const FRAME_EVENT_BUDGET = 150_000;
/** Re-simulation during a seek runs in chunks of this many events, yielding between them. */
export const SEEK_CHUNK = 200_000;
export const HAPPENINGS_PER_FRAME = 40;
export const TRAFFIC_PER_FRAME = 250;
export const CPU_MARKS_PER_FRAME = 600;
const CHECKPOINT_EVERY_EVENTS = 250_000;
export const MAX_CHECKPOINTS = 24;

export type {
  AppliedInput,
  EngineInit,
  EngineLogEntry,
  Frame,
  FrameRequest,
  ShellOutput,
  Since,
} from './frame-types';
import type {
  AppliedInput,
  EngineInit,
  EngineLogEntry,
  Frame,
  FrameRequest,
  ShellOutput,
  Since,
} from './frame-types';

interface Checkpoint {
  readonly t: number;
  readonly applied: number;
  readonly events: number;
  readonly machine: Machine;
  readonly twin: Machine | null;
}

/**
 * The worker's state: the machine, its input log, checkpoints, seek and fork. Pure TypeScript
 * with no worker globals, so Node tests drive it exactly as the worker does.
 */
export class Engine {
  readonly scenario: Scenario;
  readonly seed: number;
  private m: Machine;
  private tw: Machine | null;
  private log: EngineLogEntry[] = [];
  /** The machine inputs each logged shell line expanded to when it ran (the twin replays them). */
  private expanded = new WeakMap<EngineLogEntry, readonly Input[]>();
  private shellSeq = 0;
  /** How many log entries the machine has seen: after a rewind, fewer than the log holds. */
  private applied = 0;
  private checkpoints: Checkpoint[] = [];
  private seeking = false;
  private deferred: EngineInput[] = [];
  private readonly checkpointEvery: number;

  constructor(init: EngineInit) {
    this.checkpointEvery = init.checkpointEvery ?? CHECKPOINT_EVERY_EVENTS;
    this.scenario = init.scenario;
    this.seed = init.seed;
    this.m = createMachine(init.scenario, init.seed);
    this.tw = init.twin ? createMachine(twinScenario(init.scenario), init.seed) : null;
    this.checkpoint();
    if (init.log) this.log = [...init.log];
    if (init.t !== undefined || this.log.length > 0) {
      this.runTo(Math.max(init.t ?? 0, this.m.now), Number.MAX_SAFE_INTEGER);
    }
  }

  get now(): number {
    return this.m.now;
  }

  get machine(): Machine {
    return this.m;
  }

  get logEntries(): readonly EngineLogEntry[] {
    return this.log;
  }

  hash(): string {
    return traceHash(this.m);
  }

  /** Apply the queued inputs now, then move the clock forward within the frame's event budget. */
  frame(req: FrameRequest, budget = FRAME_EVENT_BUDGET): Frame {
    if (this.seeking) {
      // Nothing the user did is lost: inputs that arrive mid-seek are applied once it ends.
      this.deferred.push(...req.inputs);
      return this.makeFrame([], null, 0, false, req);
    }
    const inputs = [...this.deferred.splice(0), ...req.inputs];
    let fork: Frame['fork'] = null;
    const applied: AppliedInput[] = [];
    const shell: ShellOutput[] = [];
    const forkHere = () => {
      if (this.applied >= this.log.length) return;
      fork = { atNs: this.m.now, dropped: this.log.length - this.applied };
      this.log.length = this.applied;
      this.checkpoints = this.checkpoints.filter(
        (c) => c.applied <= this.applied && c.t <= this.m.now,
      );
    };
    for (const input of inputs) {
      if (!isShellLine(input)) {
        forkHere();
        applied.push(this.act(input));
        continue;
      }
      const atNs = this.m.now;
      const entry: EngineLogEntry = { atNs, input };
      const r = execLine(this.m, input.line);
      this.expanded.set(entry, r.inputs);
      for (const i of r.inputs) this.applyTwin(i);
      shell.push({ seq: this.shellSeq++, atNs, line: input.line, output: r.output, exit: r.exit });
      // A line that only reads, typed while standing before the end of the log, changes nothing:
      // answer it, but do not log it and do not fork the timeline.
      if (r.inputs.length === 0 && this.applied < this.log.length) continue;
      forkHere();
      this.log.push(entry);
      this.applied = this.log.length;
      applied.push({ atNs, input, result: { ok: true } });
    }
    const start = this.m.now;
    const lagging = req.advanceNs > 0 && !this.runTo(start + req.advanceNs, budget);
    this.maybeCheckpoint();
    return this.makeFrame(applied, fork, this.m.now - start, lagging, req, shell);
  }

  private act(input: Input): AppliedInput {
    const atNs = this.m.now;
    const result = apply(this.m, input);
    this.log.push({ atNs, input });
    this.applied = this.log.length;
    this.applyTwin(input);
    return { atNs, input, result };
  }

  /** Re-apply a logged entry (a seek, a rebuild): a shell line is parsed and run again. */
  private replayEntry(e: EngineLogEntry): void {
    if (!isShellLine(e.input)) {
      apply(this.m, e.input);
      this.applyTwin(e.input);
      return;
    }
    const r = execLine(this.m, e.input.line);
    this.expanded.set(e, r.inputs);
    for (const i of r.inputs) this.applyTwin(i);
  }

  private applyTwin(input: Input): void {
    if (!this.tw) return;
    advanceTo(this.tw, this.m.now);
    const ti = twinInput(input);
    if (ti) apply(this.tw, ti);
  }

  /**
   * Run to `t`, applying logged inputs as their times come. Returns false when the event budget
   * ran out first (the machine then stands at its last event).
   */
  private runTo(t: number, budget: number): boolean {
    let left = budget;
    for (;;) {
      const next = this.log[this.applied];
      const stop = next && next.atNs <= t ? next.atNs : t;
      left -= advanceTo(this.m, stop, left);
      if (left <= 0 && this.m.now < stop) {
        if (this.tw) advanceTo(this.tw, this.m.now);
        return false;
      }
      if (next && next.atNs <= t) {
        this.applied++;
        this.replayEntry(next);
        continue;
      }
      if (this.tw) advanceTo(this.tw, t);
      return true;
    }
  }

  /** Advance to the next queued event (the "next event" playback button). */
  stepEvent(since: Since): Frame {
    const start = this.m.now;
    const t = nextEventTime(this.m);
    if (t !== undefined) this.runTo(t, Number.MAX_SAFE_INTEGER);
    return this.makeFrame([], null, this.m.now - start, false, since);
  }

  /** Run until the next narrated happening (a state change, a fault), at most `maxNs` ahead. */
  skipToHappening(since: Since, maxNs: number): Frame {
    const start = this.m.now;
    const head = this.m.happeningSeq;
    while (this.m.happeningSeq === head && this.m.now - start < maxNs) {
      const t = nextEventTime(this.m);
      if (t === undefined || t - start > maxNs) {
        this.runTo(start + maxNs, Number.MAX_SAFE_INTEGER);
        break;
      }
      this.runTo(t, Number.MAX_SAFE_INTEGER);
    }
    this.maybeCheckpoint();
    return this.makeFrame([], null, this.m.now - start, false, since);
  }

  /**
   * Stand at time `t`: from the latest checkpoint at or before it, re-simulate in chunks, yielding
   * between them so frame requests are answered while a long seek runs.
   */
  async seek(t: number, yieldNow: () => Promise<void>): Promise<void> {
    if (this.seeking) return;
    this.seeking = true;
    try {
      if (t < this.m.now) this.restoreFrom(t);
      while (!this.runTo(t, SEEK_CHUNK)) {
        this.maybeCheckpoint();
        await yieldNow();
      }
      this.maybeCheckpoint();
    } finally {
      this.seeking = false;
    }
  }

  private restoreFrom(t: number): void {
    let cp: Checkpoint | undefined;
    for (const c of this.checkpoints) if (c.t <= t) cp = c;
    if (!cp) {
      // Before every checkpoint (the twin was switched on later): start again from power-on.
      const twin = this.tw !== null;
      this.m = createMachine(this.scenario, this.seed);
      this.tw = twin ? createMachine(twinScenario(this.scenario), this.seed) : null;
      this.applied = 0;
      return;
    }
    this.m = structuredClone(cp.machine);
    this.tw = cp.twin ? structuredClone(cp.twin) : null;
    this.applied = cp.applied;
  }

  setTwin(on: boolean): void {
    if (on === (this.tw !== null)) return;
    if (!on) {
      this.tw = null;
      this.checkpoints = this.checkpoints.map((c) => ({ ...c, twin: null }));
      return;
    }
    // Rebuild the twin from the same seed and the twin's share of the log, up to now.
    const tw = createMachine(twinScenario(this.scenario), this.seed);
    for (const e of this.log.slice(0, this.applied)) {
      advanceTo(tw, e.atNs);
      const inputs = isShellLine(e.input) ? (this.expanded.get(e) ?? []) : [e.input];
      for (const i of inputs) {
        const ti = twinInput(i);
        if (ti) apply(tw, ti);
      }
    }
    advanceTo(tw, this.m.now);
    this.tw = tw;
    // Older checkpoints hold no twin: drop them (an earlier seek then starts from power-on).
    this.checkpoints = [];
    this.checkpoint();
  }

  private checkpoint(): void {
    this.checkpoints.push({
      t: this.m.now,
      applied: this.applied,
      events: this.m.counters.events,
      machine: structuredClone(this.m),
      twin: this.tw ? structuredClone(this.tw) : null,
    });
  }

  /** Checkpoints thin out as time grows: memory stays bounded however long the run. */
  private maybeCheckpoint(): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last && this.m.counters.events - last.events < this.checkpointEvery) return;
    if (last && this.m.now <= last.t) return;
    this.checkpoint();
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      // Keep the first, and every other one of the older half.
      const half = Math.floor(this.checkpoints.length / 2);
      this.checkpoints = this.checkpoints.filter((_, i) => i === 0 || i >= half || i % 2 === 0);
    }
  }

  checkpointCount(): number {
    return this.checkpoints.length;
  }

  makeFrame(
    applied: AppliedInput[],
    fork: Frame['fork'],
    advancedNs: number,
    lagging: boolean,
    since: Since,
    shell: readonly ShellOutput[] = [],
  ): Frame {
    const traffic = newerThan(this.m.traffic, since.sinceTraffic ?? -1, TRAFFIC_PER_FRAME);
    return {
      t: this.m.now,
      view: snapshot(this.m),
      twin: this.tw ? snapshot(this.tw) : null,
      applied,
      shell,
      happenings: happeningsSince(this.m, since.sinceHappening, HAPPENINGS_PER_FRAME),
      traffic: traffic.items,
      trafficOmitted: traffic.omitted,
      cpuMarks: newerThan(this.m.cpuLog, since.sinceCpuMark ?? -1, CPU_MARKS_PER_FRAME).items,
      trafficHead: this.m.trafficSeq,
      cpuMarkHead: this.m.cpuLogSeq,
      logLength: this.log.length,
      happeningHead: this.m.happeningSeq,
      fork,
      advancedNs,
      lagging,
      seeking: this.seeking,
    };
  }
}

/**
 * Replay = scenario + seed + log (the sim's `replay`, for a log that may hold shell lines: each
 * is parsed and run again at its time, so it does exactly what it did).
 */
export function replayLog(
  scenario: Scenario,
  seed: number,
  log: readonly EngineLogEntry[],
  untilNs: number,
): Machine {
  return replay(scenario, seed, log, untilNs, (m, input: EngineInput) =>
    isShellLine(input) ? execLine(m, input.line) : apply(m, input),
  );
}
