import type { Happening, Instance, Machine, Scenario, Workload } from '../sim';
import type { LabInput, LessonSlug } from '../contract';

export type { LabInput, LessonSlug } from '../contract';

/** One item of a "show me" script: an input applied now, or a pause of simulated time. */
export type ScriptItem = LabInput | { readonly type: 'wait'; readonly ns: number };

/** Filter for message counts since the step began. Names are instance names ('host' = 0). */
export interface MsgFilter {
  readonly to?: string;
  readonly from?: string;
  /** 'USER', or category/subtype as 'RESOURCE/MEM_ADD', 'SYSTEM/SHUTDOWN_ACK'. */
  readonly type?: string;
  /** delivered · rejected-enospc · overwritten · dropped · sent (every message sent). */
  readonly fate?: 'sent' | 'delivered' | 'rejected-enospc' | 'overwritten' | 'dropped';
  /** For dropped: target-halted · ring-reset · target-gone. */
  readonly reason?: string;
}

/** A workload's figures over the last closed 100 ms window (CURRICULUM's `m(w)`). */
export interface WlFigures {
  readonly tput: number;
  readonly p99: number;
  /** Deadline misses since the workload started (a counter). */
  readonly misses: number;
}

/** Values recorded when the step began (CURRICULUM's `base(x)`). */
export interface MachineSummary {
  readonly poolMiB: number;
  readonly poolCpus: readonly number[];
  /** Instance name → memory MiB / corrupted bytes. */
  readonly mem: Readonly<Record<string, number>>;
  readonly corrupt: Readonly<Record<string, number>>;
  readonly wl: Readonly<Record<string, WlFigures>>;
}

/** What a goal predicate sees: the machine now, the step's baseline, and what happened since. */
export interface GoalView {
  readonly m: Machine;
  readonly twin: Machine | null;
  readonly base: MachineSummary;
  readonly twinBase: MachineSummary | null;
  /** The summary now (same shape as `base`), for Δ comparisons. */
  readonly now: MachineSummary;
  readonly twinNow: MachineSummary | null;
  /** Messages matching `f` since the step began. */
  msgs(f: MsgFilter): number;
  /** Happenings of `kind` since the step began, optionally narrowed by `match`. */
  ev(kind: string, match?: (h: StepHappening) => boolean): number;
  /** This shell line ran during the step (`exit`: 'ok' = 0, 'fail' ≠ 0; default 'ok'). */
  did(line: string, exit?: 'ok' | 'fail'): boolean;
  inst(name: string): Instance | undefined;
  wl(name: string, machine?: 'main' | 'twin'): Workload | undefined;
  /** Instance id by name on the main machine ('host' → 0); -1 if there is none. */
  id(name: string): number;
}

/** A happening kept for the step's goals (kernel as a name, for readable predicates). */
export interface StepHappening {
  readonly t: number;
  readonly kind: string;
  readonly kernel: string;
  readonly detail: Happening['detail'];
}

export interface Goal {
  /** Stable id: the content's text key for what this check looks for ends in it. */
  readonly id: string;
  readonly check: (g: GoalView) => boolean;
}

export interface StepLogic {
  /** Machine goals, checked in the worker (an empty list: an observe step, or a UI-only task). */
  readonly goals: readonly Goal[];
  /** "Show me": what a learner could have done, played (or jumped) from the step's start. */
  readonly show: readonly ScriptItem[];
  /**
   * The solution, when it differs from "show me" (default: `show`). The solution test runs it
   * from the step's start, then lets time run (at most `settleNs`) until every goal holds.
   */
  readonly solution?: readonly ScriptItem[];
  /** How long after the script the goals may take to hold (default 2 s of simulated time). */
  readonly settleNs?: number;
  /**
   * The task is to let the machine run ("play until db is active"): waiting alone meets the
   * goals. Every other task step must not be met by 500 ms of waiting (a unit test checks).
   */
  readonly waitOnly?: boolean;
}

export interface LessonLogic {
  readonly slug: LessonSlug;
  readonly scenario: Scenario;
  /** Run the monolithic twin beside the machine (L5, L7). */
  readonly twin?: boolean;
  /**
   * With a twin: whether faults are mirrored onto it as in the sandbox. Lessons that panic one
   * side at a time say false, and reach the twin with `twin.only`.
   */
  readonly mirrorFaults?: boolean;
  readonly steps: readonly StepLogic[];
}
