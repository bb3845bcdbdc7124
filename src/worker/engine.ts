import { nextEventTime, preset, traceHash, type Machine, type Scenario } from '../sim';
import {
  FRAME_EVENTS,
  WAIT_AHEAD_NS,
  type AppliedInput,
  type Frame,
  type FrameRequest,
  type LabInput,
  type LessonSlug,
  type LessonStatus,
  type LogEntry,
  type ShellOutput,
  type Since,
  type StartSpec,
} from '../contract';
import { LESSONS } from '../lessons';
import type { TrackerState } from '../lessons/tracker';
import { buildFrame } from './frame-build';
import { LessonRunner } from './lesson-runner';
import { ShellWaiter } from './shell-wait';
import { Timeline } from './timeline';

/** At most this many events per frame, so a frame never blocks the worker for long. */
export const FRAME_EVENT_BUDGET = FRAME_EVENTS;
const FOREVER = Number.MAX_SAFE_INTEGER;

/** What an engine is built from: a start spec with its scenario resolved. */
export interface EngineInit {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly log?: readonly LogEntry[];
  readonly t?: number;
  readonly twin?: boolean;
  readonly lesson?: LessonSlug;
  readonly checkpointEvery?: number;
  /** Hold the log without running it: `replay` runs it in chunks (the worker's boot). */
  readonly deferReplay?: boolean;
}

/** The scenario a start spec names: a lesson's own, a preset (under another version), or given. */
export function resolveScenario(spec: StartSpec): Scenario {
  if (spec.lesson) return LESSONS[spec.lesson].scenario;
  const base = typeof spec.scenario === 'string' ? preset(spec.scenario) : spec.scenario;
  return spec.version ? { ...base, config: { ...base.config, version: spec.version } } : base;
}

/**
 * The worker's state: a timeline (the machine, its log, checkpoints, seek and fork) and, in a
 * lesson, the lesson runner on top of it. Pure TypeScript with no worker globals, so Node tests
 * drive it exactly as the worker does; src/worker/api.ts is the facade the page talks to.
 */
export class Engine {
  private readonly tl: Timeline;
  private readonly runner: LessonRunner | null;
  private readonly waiter: ShellWaiter;
  private deferred: LabInput[] = [];
  /** Where a deferred start still has to run to (null: nothing to replay). */
  private target: number | null = null;

  constructor(init: EngineInit) {
    const logic = init.lesson ? LESSONS[init.lesson] : null;
    const scenario = logic?.scenario ?? init.scenario;
    this.tl = new Timeline(
      scenario,
      init.seed,
      init.twin ?? logic?.twin ?? false,
      init.checkpointEvery,
    );
    this.waiter = new ShellWaiter(this.tl);
    this.runner = logic ? new LessonRunner(logic, this.tl) : null;
    if (this.runner) this.tl.attach(this.runner);
    if (init.deferReplay) this.target = this.tl.begin(init.log, init.t);
    else this.tl.start(init.log, init.t);
  }

  /** Build from a start spec; with `lesson` and `step` (and no log), stand at that step. */
  static start(spec: StartSpec): Engine {
    const e = new Engine({ ...spec, scenario: resolveScenario(spec) });
    if (spec.lesson && spec.step && !spec.log) e.gotoStep(spec.step);
    return e;
  }

  /**
   * `start` for the worker's boot: the machine built and set up, its log held, standing at
   * power-on; `replay` then runs to the spec's time in chunks, so a far time can be watched and
   * stopped. The same spec reaches the same state either way.
   */
  static prepare(spec: StartSpec): Engine {
    return new Engine({ ...spec, scenario: resolveScenario(spec), deferReplay: true });
  }

  /** The time a prepared engine's replay runs to (null: nothing to replay). */
  get replayTarget(): number | null {
    return this.target;
  }

  /**
   * Run a prepared engine to its spec's time, yielding between chunks and asking `stop` after
   * each; then (a lesson's deep link) stand at the spec's step. False when `stop` ended it short:
   * the machine stands where it got to, with the rest of the log ahead, as after a rewind.
   */
  async replay(
    spec: StartSpec,
    yieldNow: () => Promise<void>,
    stop: () => boolean,
  ): Promise<boolean> {
    const target = this.target;
    this.target = null;
    if (target !== null && !(await this.tl.seek(target, yieldNow, stop))) return false;
    if (spec.lesson && spec.step && !spec.log) this.gotoStep(spec.step);
    return true;
  }

  get scenario(): Scenario {
    return this.tl.scenario;
  }
  get seed(): number {
    return this.tl.seed;
  }
  get now(): number {
    return this.tl.now;
  }
  get machine(): Machine {
    return this.tl.machine;
  }
  get twinMachine(): Machine | null {
    return this.tl.twin;
  }
  get logEntries(): readonly LogEntry[] {
    return this.tl.entries;
  }
  get lessonTracker(): TrackerState | null {
    return this.runner?.tracker ?? null;
  }

  hash(): string {
    return traceHash(this.tl.machine);
  }

  /** Apply the queued inputs now, then move the clock forward within the frame's event budget. */
  frame(req: FrameRequest, budget = FRAME_EVENT_BUDGET): Frame {
    if (this.tl.seeking) {
      // Nothing the user did is lost: inputs that arrive mid-seek are applied once it ends.
      this.deferred.push(...req.inputs);
      return this.makeFrame([], null, 0, false, req);
    }
    const inputs = [...this.deferred.splice(0), ...req.inputs];
    let fork: Frame['fork'] = null;
    const applied: AppliedInput[] = [];
    const shell: ShellOutput[] = [];
    // The learner acting cuts a running "show me" short: what they do is what happens.
    if (inputs.length > 0) this.runner?.stopScript();
    for (const input of inputs) {
      const r = this.tl.input(input);
      // Ctrl-C is logged like any line, but answers in the blocked line's entry, not its own.
      if (ShellWaiter.isInterrupt(input)) this.waiter.interrupt();
      else if (r.shell) shell.push(r.shell);
      if (r.fork) fork = r.fork;
      if (r.applied) applied.push(r.applied);
    }
    const start = this.tl.now;
    // A blocked call runs the machine ahead to its answer whatever the speed, even paused.
    const waited = this.waiter.waiting;
    if (waited) this.waiter.runAhead(Math.max(req.advanceNs, WAIT_AHEAD_NS), budget);
    const end = start + req.advanceNs;
    const lagging =
      !this.waiter.waiting && this.tl.now < end && !this.tl.runTo(end, budget) && !waited;
    // Paused, the learner's inputs still count toward the step's goals.
    if (req.advanceNs <= 0) this.runner?.observe();
    this.tl.maybeCheckpoint();
    return this.makeFrame(applied, fork, this.tl.now - start, lagging, req, shell);
  }

  showMe(jump: boolean, solution = false): void {
    this.runner?.showMe(jump, solution);
  }

  gotoStep(step: number): void {
    this.runner?.gotoStep(step);
  }

  async rewindToStep(step: number, yieldNow: () => Promise<void>): Promise<void> {
    this.waiter.drop();
    await this.runner?.rewindToStep(step, yieldNow);
  }

  /** Advance to the next queued event (the "next event" button). */
  stepEvent(since: Since): Frame {
    const start = this.tl.now;
    const t = nextEventTime(this.tl.machine);
    if (t !== undefined) this.tl.runTo(t, FOREVER);
    return this.makeFrame([], null, this.tl.now - start, false, since);
  }

  /** Run until the next narrated happening (a state change, a fault), at most `maxNs` ahead. */
  skipToHappening(since: Since, maxNs: number): Frame {
    const start = this.tl.now;
    const m = () => this.tl.machine;
    const head = m().happeningSeq;
    while (m().happeningSeq === head && this.tl.now - start < maxNs) {
      const t = nextEventTime(m());
      if (t === undefined || t - start > maxNs) {
        this.tl.runTo(start + maxNs, FOREVER);
        break;
      }
      this.tl.runTo(t, FOREVER);
    }
    this.tl.maybeCheckpoint();
    return this.makeFrame([], null, this.tl.now - start, false, since);
  }

  async seek(t: number, yieldNow: () => Promise<void>): Promise<void> {
    if (this.tl.seeking) return;
    this.runner?.stopScript();
    this.waiter.drop();
    await this.tl.seek(t, yieldNow);
  }

  setTwin(on: boolean): void {
    this.tl.setTwin(on);
  }

  checkpointCount(): number {
    return this.tl.checkpointCount;
  }

  /** The lesson's state for the page (null outside lessons). */
  lessonStatus(): LessonStatus | null {
    return this.runner?.status() ?? null;
  }

  makeFrame(
    applied: readonly AppliedInput[],
    fork: Frame['fork'],
    advancedNs: number,
    lagging: boolean,
    since: Since,
    shell: readonly ShellOutput[] = [],
  ): Frame {
    // Entries a script or a deep link logged come after the frame's own, as in the log.
    const own = this.tl.drainOwn();
    const answers = this.waiter.drain();
    const src = {
      m: this.tl.machine,
      tw: this.tl.twin,
      logLength: this.tl.entries.length,
      seeking: this.tl.seeking,
      lesson: this.lessonStatus(),
    };
    const parts = {
      applied: [...applied, ...own.applied],
      shell: [...shell, ...own.shell, ...answers],
      fork,
      advancedNs,
      lagging,
    };
    return buildFrame(src, parts, since);
  }
}
