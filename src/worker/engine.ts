import { nextEventTime, preset, traceHash, type Machine, type Scenario } from '../sim';
import type {
  AppliedInput,
  Frame,
  FrameRequest,
  LabInput,
  LessonSlug,
  LessonStatus,
  LogEntry,
  ShellOutput,
  Since,
  StartSpec,
} from '../contract';
import { LESSONS } from '../lessons';
import type { TrackerState } from '../lessons/tracker';
import { buildFrame } from './frame-build';
import { LessonRunner } from './lesson-runner';
import { Timeline } from './timeline';

/** At most this many events per frame, so a frame never blocks the worker for long. */
export const FRAME_EVENT_BUDGET = 150_000;
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
  private deferred: LabInput[] = [];

  constructor(init: EngineInit) {
    const logic = init.lesson ? LESSONS[init.lesson] : null;
    const scenario = logic?.scenario ?? init.scenario;
    this.tl = new Timeline(
      scenario,
      init.seed,
      init.twin ?? logic?.twin ?? false,
      init.checkpointEvery,
    );
    this.runner = logic ? new LessonRunner(logic, this.tl) : null;
    if (this.runner) this.tl.attach(this.runner);
    this.tl.start(init.log, init.t);
  }

  /** Build from a start spec; with `lesson` and `step` (and no log), stand at that step. */
  static start(spec: StartSpec): Engine {
    const e = new Engine({ ...spec, scenario: resolveScenario(spec) });
    if (spec.lesson && spec.step && !spec.log) e.gotoStep(spec.step);
    return e;
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
      if (r.shell) shell.push(r.shell);
      if (r.fork) fork = r.fork;
      if (r.applied) applied.push(r.applied);
    }
    const start = this.tl.now;
    const lagging = req.advanceNs > 0 && !this.tl.runTo(start + req.advanceNs, budget);
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
    const src = {
      m: this.tl.machine,
      tw: this.tl.twin,
      logLength: this.tl.entries.length,
      seeking: this.tl.seeking,
      lesson: this.lessonStatus(),
    };
    const parts = {
      applied: [...applied, ...own.applied],
      shell: [...shell, ...own.shell],
      fork,
      advancedNs,
      lagging,
    };
    return buildFrame(src, parts, since);
  }
}
