import {
  advanceTo,
  apply,
  createMachine,
  happeningsSince,
  newerThan,
  nextEventTime,
  snapshot,
  traceHash,
  twinInput,
  twinScenario,
  type ApplyResult,
  type CpuMark,
  type Happening,
  type Input,
  type LogEntry,
  type Machine,
  type MachineView,
  type Scenario,
  type TrafficEvent,
} from '../sim';

/** At most this many events per frame, so a frame never blocks the worker for long. */
export const FRAME_EVENT_BUDGET = 150_000;
/** Re-simulation during a seek runs in chunks of this many events, yielding between them. */
export const SEEK_CHUNK = 200_000;
export const HAPPENINGS_PER_FRAME = 40;
export const TRAFFIC_PER_FRAME = 250;
export const CPU_MARKS_PER_FRAME = 600;
const CHECKPOINT_EVERY_EVENTS = 250_000;
export const MAX_CHECKPOINTS = 24;

export interface EngineInit {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly log?: readonly LogEntry[];
  /** Where to stand after the rebuild (a restart restores the time the page had reached). */
  readonly t?: number;
  readonly twin?: boolean;
  /** Events between checkpoints (tests make it small to exercise thinning). */
  readonly checkpointEvery?: number;
}

export interface FrameRequest {
  readonly inputs: readonly Input[];
  /** Simulated nanoseconds to move forward in this frame (0 when paused). */
  readonly advanceNs: number;
  readonly sinceHappening: number;
  /** Sequence numbers of the last traffic event and CPU mark the page has (absent: none). */
  readonly sinceTraffic?: number;
  readonly sinceCpuMark?: number;
}

export interface AppliedInput {
  readonly atNs: number;
  readonly input: Input;
  readonly result: ApplyResult;
}

export interface Frame {
  readonly t: number;
  readonly view: MachineView;
  readonly twin: MachineView | null;
  readonly applied: readonly AppliedInput[];
  readonly happenings: readonly Happening[];
  /** Message traffic since the page's last (newest first cut: at most TRAFFIC_PER_FRAME). */
  readonly traffic: readonly TrafficEvent[];
  readonly trafficOmitted: number;
  readonly cpuMarks: readonly CpuMark[];
  /** The sequence numbers the next traffic event and CPU mark will get (lower after a rewind). */
  readonly trafficHead: number;
  readonly cpuMarkHead: number;
  readonly logLength: number;
  /** The sequence number the next happening will get: lower than before after a rewind. */
  readonly happeningHead: number;
  /** Set when an input landed before the end of the log: the later part was dropped. */
  readonly fork: { readonly atNs: number; readonly dropped: number } | null;
  /** Simulated ns actually covered, and whether the event budget cut the frame short. */
  readonly advancedNs: number;
  readonly lagging: boolean;
  readonly seeking: boolean;
}

export type Since = Pick<FrameRequest, 'sinceHappening' | 'sinceTraffic' | 'sinceCpuMark'>;

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
  private log: LogEntry[] = [];
  /** How many log entries the machine has seen: after a rewind, fewer than the log holds. */
  private applied = 0;
  private checkpoints: Checkpoint[] = [];
  private seeking = false;
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

  get logEntries(): readonly LogEntry[] {
    return this.log;
  }

  hash(): string {
    return traceHash(this.m);
  }

  /** Apply the queued inputs now, then move the clock forward within the frame's event budget. */
  frame(req: FrameRequest, budget = FRAME_EVENT_BUDGET): Frame {
    if (this.seeking) return this.makeFrame([], null, 0, false, req);
    let fork: Frame['fork'] = null;
    const applied: AppliedInput[] = [];
    for (const input of req.inputs) {
      if (this.applied < this.log.length) {
        fork = { atNs: this.m.now, dropped: this.log.length - this.applied };
        this.log.length = this.applied;
        this.checkpoints = this.checkpoints.filter(
          (c) => c.applied <= this.applied && c.t <= this.m.now,
        );
      }
      applied.push(this.act(input));
    }
    const start = this.m.now;
    const lagging = req.advanceNs > 0 && !this.runTo(start + req.advanceNs, budget);
    this.maybeCheckpoint();
    return this.makeFrame(applied, fork, this.m.now - start, lagging, req);
  }

  private act(input: Input): AppliedInput {
    const atNs = this.m.now;
    const result = apply(this.m, input);
    this.log.push({ atNs, input });
    this.applied = this.log.length;
    this.applyTwin(input);
    return { atNs, input, result };
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
        apply(this.m, next.input);
        this.applied++;
        this.applyTwin(next.input);
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
      const ti = twinInput(e.input);
      if (ti) apply(tw, ti);
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
  ): Frame {
    const traffic = newerThan(this.m.traffic, since.sinceTraffic ?? -1, TRAFFIC_PER_FRAME);
    return {
      t: this.m.now,
      view: snapshot(this.m),
      twin: this.tw ? snapshot(this.tw) : null,
      applied,
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
