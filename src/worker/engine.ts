import {
  advanceTo,
  apply,
  createMachine,
  nextEventTime,
  traceHash,
  twinInput,
  twinScenario,
  type ApplyResult,
  type Input,
  type Machine,
  type Scenario,
} from '../sim';
import { execLine, type ShellResult } from '../shell';
import { CHECKPOINT_EVERY_EVENTS, Checkpoints } from './checkpoints';
import { rebuildTwin } from './twin-rebuild';
import { buildFrame, lessonStatus } from './frame-build';
import { ScriptPlayer } from './script-player';
import { LESSONS, type LabInput, type LessonLogic } from '../lessons';
import {
  beginStep,
  noteLine,
  observe,
  startTracker,
  stepDone,
  type TrackerState,
} from '../lessons/tracker';

/** What the engine's log holds: machine inputs, shell lines and the lessons' inputs. */
export type EngineInput = LabInput;
export type { OutLine } from '../shell';

/** At most this many events per frame, so a frame never blocks the worker for long. */
export const FRAME_EVENT_BUDGET = 150_000;
/** Re-simulation during a seek runs in chunks of this many events, yielding between them. */
export const SEEK_CHUNK = 200_000;
export { CPU_MARKS_PER_FRAME, HAPPENINGS_PER_FRAME, TRAFFIC_PER_FRAME } from './frame-build';
export { MAX_CHECKPOINTS } from './checkpoints';
export { replayLog } from './replay-log';
/** In a lesson the machine runs in chunks this small, so goals see every message (see tracker). */
const LESSON_CHUNK = 1000;
/** A "show me" jump lets goals settle for at most this long by default (simulated). */
const DEFAULT_SETTLE_NS = 2_000_000_000;
const SETTLE_SLICE_NS = 1_000_000;

export type {
  AppliedInput,
  EngineInit,
  EngineLogEntry,
  Frame,
  FrameRequest,
  LessonStatus,
  ShellOutput,
  Since,
} from './frame-types';
import type {
  AppliedInput,
  EngineInit,
  EngineLogEntry,
  Frame,
  FrameRequest,
  LessonStatus,
  ShellOutput,
  Since,
} from './frame-types';

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
  private readonly checkpoints: Checkpoints;
  private seeking = false;
  private deferred: EngineInput[] = [];
  private readonly logic: LessonLogic | null;
  private track: TrackerState | null = null;
  private readonly script = new ScriptPlayer();
  /** Entries a script applied since the last frame (the page mirrors the log from frames). */
  private fired: AppliedInput[] = [];
  private firedShell: ShellOutput[] = [];

  constructor(init: EngineInit) {
    this.checkpoints = new Checkpoints(init.checkpointEvery ?? CHECKPOINT_EVERY_EVENTS);
    this.logic = init.lesson ? LESSONS[init.lesson] : null;
    this.scenario = this.logic?.scenario ?? init.scenario;
    this.seed = init.seed;
    this.m = createMachine(this.scenario, init.seed);
    const twin = init.twin ?? this.logic?.twin ?? false;
    this.tw = twin ? createMachine(twinScenario(this.scenario), init.seed) : null;
    this.track = init.lesson ? startTracker(init.lesson, this.m, this.tw) : null;
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

  get twinMachine(): Machine | null {
    return this.tw;
  }

  get logEntries(): readonly EngineLogEntry[] {
    return this.log;
  }

  get lessonTracker(): TrackerState | null {
    return this.track;
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
      this.truncateLog();
    };
    // The learner acting cuts a running "show me" short: what they do is what happens.
    if (inputs.length > 0) this.script.stop();
    for (const input of inputs) {
      const atNs = this.m.now;
      const entry: EngineLogEntry = { atNs, input };
      const r = this.run(entry);
      if (r.shell) {
        shell.push({
          seq: this.shellSeq++,
          atNs,
          line: input.type === 'shell.line' ? input.line : '',
          output: r.shell.output,
          exit: r.shell.exit,
        });
        // A line that only reads, typed while standing before the end of the log, changes
        // nothing: answer it, but do not log it and do not fork the timeline.
        if (r.shell.inputs.length === 0 && this.applied < this.log.length) continue;
      }
      forkHere();
      this.log.push(entry);
      this.applied = this.log.length;
      applied.push({ atNs, input, result: r.result });
    }
    const start = this.m.now;
    const lagging = req.advanceNs > 0 && !this.runTo(start + req.advanceNs, budget);
    // Paused, the learner's inputs still count toward the step's goals.
    if (req.advanceNs <= 0) this.observeLesson();
    this.maybeCheckpoint();
    return this.makeFrame(applied, fork, this.m.now - start, lagging, req, shell);
  }

  /** Drop the log after the machine's position (an input in the past forks the timeline). */
  private truncateLog(): void {
    this.log.length = this.applied;
    this.checkpoints.keep((c) => c.applied <= this.applied && c.t <= this.m.now);
  }

  /**
   * Apply one entry to the machine (and the twin, and the lesson's goal tracking): the same path
   * for a live input, a replayed one and a script's.
   */
  private run(e: EngineLogEntry): { result: ApplyResult; shell?: ShellResult } {
    const input = e.input;
    switch (input.type) {
      case 'shell.line': {
        const r = execLine(this.m, input.line);
        this.expanded.set(e, r.inputs);
        for (const i of r.inputs) this.applyTwin(i);
        if (this.track) noteLine(this.track, input.line, r.exit);
        return { result: { ok: true }, shell: r };
      }
      case 'lesson.step': {
        const steps = this.logic?.steps.length ?? 0;
        if (!this.track || !this.logic || input.step < 0 || input.step >= steps) {
          return {
            result: { ok: false, code: 'EINVAL', errno: -22, message: 'no such lesson step' },
          };
        }
        observe(this.track, this.logic, this.m, this.tw);
        beginStep(this.track, input.step, this.m, this.tw);
        return { result: { ok: true } };
      }
      case 'twin.only': {
        if (!this.tw) {
          return { result: { ok: false, code: 'ENOENT', errno: -2, message: 'no twin machine' } };
        }
        advanceTo(this.tw, this.m.now);
        return { result: apply(this.tw, input.input) };
      }
      default: {
        const result = apply(this.m, input);
        this.applyTwin(input);
        return { result };
      }
    }
  }

  private applyTwin(input: Input): void {
    if (!this.tw) return;
    if (input.type === 'fault' && this.logic?.mirrorFaults === false) return;
    advanceTo(this.tw, this.m.now);
    const ti = twinInput(input);
    if (ti) apply(this.tw, ti);
  }

  private observeLesson(): void {
    if (this.track && this.logic) observe(this.track, this.logic, this.m, this.tw);
  }

  /**
   * Run to `t`, applying logged inputs (and a script's) as their times come. Returns false when
   * the event budget ran out first (the machine then stands at its last event).
   */
  private runTo(t: number, budget: number): boolean {
    let left = budget;
    for (;;) {
      const next = this.log[this.applied];
      const scriptAt = this.applied >= this.log.length ? this.script.nextAt : Infinity;
      const stop = Math.min(t, next && next.atNs <= t ? next.atNs : t, scriptAt);
      for (;;) {
        const chunk = this.track ? Math.min(left, LESSON_CHUNK) : left;
        const used = advanceTo(this.m, stop, chunk);
        left -= used;
        this.observeLesson();
        if (used < chunk || this.m.now >= stop) break;
        if (left <= 0) {
          if (this.tw) advanceTo(this.tw, this.m.now);
          return false;
        }
      }
      if (this.m.now < stop) {
        if (this.tw) advanceTo(this.tw, this.m.now);
        return false;
      }
      if (next && next.atNs <= t && next.atNs <= this.m.now) {
        this.applied++;
        this.run(next);
        this.observeLesson();
        continue;
      }
      if (this.script.active && scriptAt <= t && this.m.now >= scriptAt) {
        this.fireScript();
        continue;
      }
      if (this.tw) advanceTo(this.tw, t);
      return true;
    }
  }

  /** Apply the script's items due now (inputs are logged like the learner's own). */
  private fireScript(): void {
    this.script.fire(this.m.now, (input) => {
      this.takeInput(input);
      this.observeLesson();
    });
  }

  /**
   * "Show me" for the current step: its script starts now (inputs logged as they come). With
   * `jump`, run straight to its end and on until the step's goals hold (or `settleNs` passes).
   */
  showMe(jump: boolean, solution = false): void {
    const logic = this.logic;
    const st = this.track;
    if (!logic || !st) return;
    const step = logic.steps[st.step];
    if (!step) return;
    if (this.applied < this.log.length) this.truncateLog();
    const items = [...(solution ? (step.solution ?? step.show) : step.show)];
    this.script.start(items, this.m.now);
    if (!jump) {
      // What is due now happens now; the rest as simulated time reaches it.
      this.fireScript();
      return;
    }
    while (this.script.active) {
      const at = this.script.nextAt;
      this.runTo(Math.max(at, this.m.now), Number.MAX_SAFE_INTEGER);
      if (this.script.active && this.script.nextAt === at) this.fireScript();
    }
    const until = this.m.now + (step.settleNs ?? DEFAULT_SETTLE_NS);
    while (!stepDone(st, logic) && this.m.now < until) {
      this.runTo(Math.min(until, this.m.now + SETTLE_SLICE_NS), Number.MAX_SAFE_INTEGER);
    }
    this.maybeCheckpoint();
  }

  /**
   * Stand at the start of lesson step `step` by running each earlier step's solution (a deep
   * link). Deterministic: the same seed gives the same machine.
   */
  gotoStep(step: number): void {
    const logic = this.logic;
    const st = this.track;
    if (!logic || !st) return;
    const target = Math.max(0, Math.min(step, logic.steps.length - 1));
    while (st.step < target) {
      this.showMe(true, true);
      this.takeInput({ type: 'lesson.step', step: st.step + 1 });
    }
    this.maybeCheckpoint();
  }

  /**
   * Log and apply one input now, at the end of the log, for the worker's own reasons (a script, a
   * deep link); the next frame carries it, and a shell line's answer, to the page.
   */
  private takeInput(input: EngineInput): void {
    if (this.applied < this.log.length) this.truncateLog();
    const entry: EngineLogEntry = { atNs: this.m.now, input };
    const r = this.run(entry);
    this.log.push(entry);
    this.applied = this.log.length;
    this.fired.push({ atNs: entry.atNs, input, result: r.result });
    if (r.shell && input.type === 'shell.line') {
      const { output, exit } = r.shell;
      this.firedShell.push({
        seq: this.shellSeq++,
        atNs: entry.atNs,
        line: input.line,
        output,
        exit,
      });
    }
  }

  /**
   * Back / reset step: stand where step `step` began and drop what came after — by log position,
   * not only time: inputs logged at the very instant the step began come after its mark.
   */
  async rewindToStep(step: number, yieldNow: () => Promise<void>): Promise<void> {
    const at = this.track?.markers[step];
    if (at === undefined || this.seeking) return;
    this.script.stop();
    let keep = 0;
    if (step > 0) {
      keep = -1;
      this.log.forEach((e, i) => {
        if (e.atNs === at && e.input.type === 'lesson.step' && e.input.step === step) keep = i;
      });
      if (keep < 0) return;
      keep += 1;
    }
    this.log.length = keep;
    this.checkpoints.keep((c) => c.applied <= keep && c.t <= at);
    // Stand before the mark, then run to it: the mark is re-applied, nothing after it is.
    this.restoreFrom(at);
    if (this.applied > keep) this.restoreFrom(-1);
    await this.seek(at, yieldNow);
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
    this.script.stop();
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
    const cp = this.checkpoints.atOrBefore(t);
    if (!cp) {
      // Before every checkpoint (the twin was switched on later): start again from power-on.
      const twin = this.tw !== null;
      this.m = createMachine(this.scenario, this.seed);
      this.tw = twin ? createMachine(twinScenario(this.scenario), this.seed) : null;
      this.track = this.track ? startTracker(this.track.slug, this.m, this.tw) : null;
      this.applied = 0;
      return;
    }
    this.m = structuredClone(cp.machine);
    this.tw = cp.twin ? structuredClone(cp.twin) : null;
    this.track = cp.lesson ? structuredClone(cp.lesson) : null;
    this.applied = cp.applied;
  }

  setTwin(on: boolean): void {
    if (on === (this.tw !== null)) return;
    if (!on) {
      this.tw = null;
      this.checkpoints.withoutTwin();
      return;
    }
    this.tw = rebuildTwin(
      this.scenario,
      this.seed,
      this.log.slice(0, this.applied),
      (e) => this.expanded.get(e) ?? [],
      this.logic?.mirrorFaults !== false,
      this.m.now,
    );
    // Older checkpoints hold no twin: drop them (an earlier seek then starts from power-on).
    this.checkpoints.clear();
    this.checkpoint();
  }

  private snapshotNow() {
    return {
      t: this.m.now,
      applied: this.applied,
      events: this.m.counters.events,
      machine: structuredClone(this.m),
      twin: this.tw ? structuredClone(this.tw) : null,
      lesson: this.track ? structuredClone(this.track) : null,
    };
  }

  private checkpoint(): void {
    this.checkpoints.add(this.snapshotNow());
  }

  private maybeCheckpoint(): void {
    if (this.checkpoints.due(this.m.counters.events, this.m.now)) {
      this.checkpoints.addThinned(this.snapshotNow());
    }
  }

  checkpointCount(): number {
    return this.checkpoints.count;
  }

  /** The lesson's state for the page (null outside lessons). */
  lessonStatus(): LessonStatus | null {
    return lessonStatus(this.track, this.logic, this.script.left);
  }

  makeFrame(
    applied: AppliedInput[],
    fork: Frame['fork'],
    advancedNs: number,
    lagging: boolean,
    since: Since,
    shell: readonly ShellOutput[] = [],
  ): Frame {
    // Entries a script or a deep link logged come after the frame's own, as in the log.
    const src = {
      m: this.m,
      tw: this.tw,
      logLength: this.log.length,
      seeking: this.seeking,
      lesson: this.lessonStatus(),
    };
    const parts = {
      applied: [...applied, ...this.fired.splice(0)],
      shell: [...shell, ...this.firedShell.splice(0)],
      fork,
      advancedNs,
      lagging,
    };
    return buildFrame(src, parts, since);
  }
}
