import type { LessonSlug } from '../contract';
import type { Control } from './controls';

/**
 * A lesson's metadata and the shape of its text (DESIGN §6). The text itself lives in
 * `src/i18n/<lang>/lessons/<slug>.json` under keys derived from the slug and step number
 * (see `keys.ts`), so this file holds no prose and never imports the sim.
 */
export type FactVersion = 'v1' | 'v2' | 'github';

/** A reference into `reference/multikernel-facts.md` (its section number, e.g. '1.5'). */
export type FactRef = string;

/** Something the view can highlight; each highlightable element carries `data-hl="<key>"`. */
export type Highlight =
  | { readonly kind: 'cpu'; readonly ids: readonly number[] }
  | { readonly kind: 'kernel'; readonly names: readonly string[] }
  | { readonly kind: 'device'; readonly pci: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'pool' }
  | { readonly kind: 'ring'; readonly name: string }
  | { readonly kind: 'metric'; readonly workload: string }
  | { readonly kind: 'timeline' }
  | { readonly kind: 'shell' }
  | { readonly kind: 'twin' }
  | { readonly kind: 'card' };

/**
 * A task checked on the page, not in the worker: opening the step's card, or selecting
 * something in the inspector.
 */
export type UiTask =
  | { readonly kind: 'open-card' }
  | {
      readonly kind: 'select';
      readonly what: 'cpu' | 'kernel' | 'message' | 'memory' | 'device';
      /** Each of these must be selected (`cpu:2`, `memory:all`: the inspector's selection codes). */
      readonly each?: readonly string[];
    };

export interface StepContent {
  /** Prediction: number of choices (keys `…sN.p.c1…cK`) and the right one (1-based), if any. */
  readonly predict: { readonly choices: number; readonly answer: number | null };
  /** Number of hints (`…sN.h1…hK`). */
  readonly hints: number;
  /** Machine goal ids, in the order of the lesson logic's goals (each has `…sN.goal.<id>`). */
  readonly goals: readonly string[];
  readonly ui?: UiTask;
  /**
   * The step teaches something that happens over time: its checks wait until the machine has run
   * this many ms of simulated time in the step (the clock cannot stay stopped).
   */
  readonly watchMs?: number;
  /** This step shows a card (`…sN.card.title`, `…sN.card.body`): recovery, source, comparison. */
  readonly card?: boolean;
  readonly highlights: readonly Highlight[];
  /** What the task and hints ask the reader to use, beyond the machine view (controls.ts). */
  readonly uses?: readonly Control[];
  /** What "what to look at" points to beyond the machine view (controls.ts). */
  readonly sees?: readonly Control[];
  /** Which facts this step rests on; and whether it says something the facts mark uncertain. */
  readonly sources?: readonly FactRef[];
  readonly uncertain?: boolean;
}

export interface QuizQuestion {
  readonly choices: number;
  /** 1-based. */
  readonly answer: number;
}

export interface LessonContent {
  readonly slug: LessonSlug;
  /** The proposal version the lesson models where it matters; null for version-free lessons. */
  readonly version: FactVersion | null;
  readonly sources: readonly FactRef[];
  /** Number of uncertainty notes (`…uncertain.1…N`); each is shown on the lesson's pages. */
  readonly uncertain: number;
  readonly steps: readonly StepContent[];
  readonly quiz: readonly QuizQuestion[];
}
