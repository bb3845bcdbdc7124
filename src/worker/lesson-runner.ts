import type { ApplyResult, LessonStatus } from '../contract';
import type { LessonLogic } from '../lessons';
import { INTERRUPT, settleWait, type ShellWait } from '../shell';
import {
  beginStep,
  noteLine,
  observe,
  settleLines,
  startTracker,
  stepDone,
  type TrackerState,
} from '../lessons/tracker';
import { ScriptPlayer } from './script-player';
import type { TimelineLesson } from './apply-entry';
import type { Timeline } from './timeline';

/** In a lesson the machine runs in chunks this small, so goals see every message (see tracker). */
const LESSON_CHUNK = 1000;
/** A "show me" jump lets goals settle for at most this long by default (simulated). */
const DEFAULT_SETTLE_NS = 2_000_000_000;
const SETTLE_SLICE_NS = 1_000_000;
const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * A lesson on top of a timeline: goal tracking for the current step, its "show me" script, deep
 * links to a step and going back to one. The timeline calls it after every chunk and input.
 */
export class LessonRunner implements TimelineLesson {
  readonly chunk = LESSON_CHUNK;
  readonly mirrorFaults: boolean;
  private track: TrackerState;
  private readonly script = new ScriptPlayer();

  constructor(
    private readonly logic: LessonLogic,
    private readonly tl: Timeline,
  ) {
    this.mirrorFaults = logic.mirrorFaults !== false;
    this.track = startTracker(logic.slug, tl.machine, tl.twin);
  }

  get tracker(): TrackerState {
    return this.track;
  }

  observe(): void {
    const m = this.tl.machine;
    settleLines(this.track, (w) => settleWait(m, w)?.exit ?? null);
    observe(this.track, this.logic, m, this.tl.twin);
  }

  step(step: number): ApplyResult {
    if (step < 0 || step >= this.logic.steps.length) {
      return { ok: false, code: 'EINVAL', errno: -22, message: 'no such lesson step' };
    }
    this.observe();
    beginStep(this.track, step, this.tl.machine, this.tl.twin);
    return { ok: true };
  }

  noteLine(line: string, exit: number, wait?: ShellWait): void {
    // Ctrl-C ends a blocked line as a signal would (the shell says 130 too).
    if (line === INTERRUPT) settleLines(this.track, () => 130);
    else noteLine(this.track, line, exit, wait);
  }

  nextScriptAt(): number {
    return this.script.nextAt;
  }

  /** Take the script's items due now: logged like the learner's own inputs. */
  fireScript(): void {
    this.script.fire(this.tl.now, (input) => {
      this.tl.take(input);
      this.observe();
    });
  }

  /** The learner acting (or a seek) cuts a running "show me" short. */
  stopScript(): void {
    this.script.stop();
  }

  save(): TrackerState {
    return this.track;
  }

  restore(state: TrackerState | null): void {
    this.track = state ?? startTracker(this.logic.slug, this.tl.machine, this.tl.twin);
  }

  /**
   * "Show me" for the current step: its script starts now (inputs logged as they come). With
   * `jump`, run straight to its end and on until the step's goals hold (or `settleNs` passes).
   */
  showMe(jump: boolean, solution = false): void {
    const step = this.logic.steps[this.track.step];
    if (!step) return;
    if (this.tl.behind) this.tl.truncate();
    this.script.start(solution ? (step.solution ?? step.show) : step.show, this.tl.now);
    if (!jump) {
      // What is due now happens now; the rest as simulated time reaches it.
      this.fireScript();
      return;
    }
    while (this.script.active) {
      const at = this.script.nextAt;
      this.tl.runTo(Math.max(at, this.tl.now), FOREVER);
      if (this.script.active && this.script.nextAt === at) this.fireScript();
    }
    const until = this.tl.now + (step.settleNs ?? DEFAULT_SETTLE_NS);
    while (!stepDone(this.track, this.logic) && this.tl.now < until) {
      this.tl.runTo(Math.min(until, this.tl.now + SETTLE_SLICE_NS), FOREVER);
    }
    this.tl.maybeCheckpoint();
  }

  /** Stand at the start of step `step` by running each earlier step's solution (a deep link). */
  gotoStep(step: number): void {
    const target = Math.max(0, Math.min(step, this.logic.steps.length - 1));
    while (this.track.step < target) {
      this.showMe(true, true);
      this.tl.take({ type: 'lesson.step', step: this.track.step + 1 });
    }
    this.tl.maybeCheckpoint();
  }

  /**
   * Back / reset step: stand where step `step` began and drop what came after — by log position,
   * not only time: inputs logged at the very instant the step began come after its mark.
   */
  async rewindToStep(step: number, yieldNow: () => Promise<void>): Promise<void> {
    const at = this.track.markers[step];
    if (at === undefined || this.tl.seeking) return;
    this.script.stop();
    let keep = 0;
    if (step > 0) {
      keep = -1;
      this.tl.entries.forEach((e, i) => {
        if (e.atNs === at && e.input.type === 'lesson.step' && e.input.step === step) keep = i;
      });
      if (keep < 0) return;
      keep += 1;
    }
    await this.tl.cutTo(keep, at, yieldNow);
  }

  /** Where the lesson stands, for the page. */
  status(): LessonStatus {
    const track = this.track;
    const goals = this.logic.steps[track.step]?.goals ?? [];
    return {
      slug: track.slug,
      step: track.step,
      steps: this.logic.steps.length,
      met: goals.map((_, i) => track.met[i] === true),
      markers: [...track.markers],
      scriptLeft: this.script.left,
    };
  }
}
