import type { LogEntry, Scenario } from './inputs';
import type { LessonSlug } from './lessons';
import type { ProposalVersion } from './machine';
import type { PresetId } from './presets';

// What links and files carry (docs/sharing.md). Types and format tags only: the checks are in
// ./validate, loaded where a link or a file is read.

/** Lesson progress: the object kept in localStorage, and (with `schema`) the progress file. */
export const PROGRESS_VERSION = 1;
export const PROGRESS_SCHEMA = 'mklab.progress';

export interface LessonProgress {
  readonly step: number;
  readonly seed: number;
  readonly log: readonly LogEntry[];
  readonly t: number;
  readonly predictions: Readonly<Record<number, number>>;
  readonly hints: Readonly<Record<number, number>>;
  readonly cards: Readonly<Record<number, boolean>>;
  readonly uiDone: Readonly<Record<number, boolean>>;
  readonly quiz: Readonly<Record<number, number>>;
}

export interface Progress {
  readonly v: typeof PROGRESS_VERSION;
  readonly current: LessonSlug | null;
  readonly lessons: Readonly<Partial<Record<LessonSlug, LessonProgress>>>;
  readonly finished: readonly LessonSlug[];
  readonly reached: Readonly<Partial<Record<LessonSlug, number>>>;
}

export type ProgressFile = Progress & { readonly schema: typeof PROGRESS_SCHEMA };

/**
 * How this browser keeps progress in localStorage. Version 1 kept the whole `Progress` object
 * under one key (`mklab.progress`), so two tabs each rewrote every lesson; version 2 keeps one
 * record per lesson (`mklab.progress.<slug>`), each with a revision, so a tab writes only the
 * lesson it changed and never over a record it has not seen. A version 1 object is read once
 * and moved into records (src/store/progress.ts). The progress file keeps `PROGRESS_VERSION`.
 */
export const PROGRESS_STORE_VERSION = 2;

/** One lesson as localStorage keeps it (version 2). */
export interface StoredLesson {
  readonly v: typeof PROGRESS_STORE_VERSION;
  /** One more than the revision of the record it replaced (1 for the first). */
  readonly rev: number;
  /** The page (tab) that wrote it: a random id. */
  readonly by: string;
  /** The lesson's saved state; null when only its place in the list is known (or it was reset). */
  readonly entry: LessonProgress | null;
  readonly finished: boolean;
  /** The highest step reached (0-based), or null. */
  readonly reached: number | null;
}

/**
 * What a lesson allows, for the checks that depend on it (the contract does not know the
 * lessons' content; the page passes this in): per step, how many choices its prediction has and
 * how many hints; per quiz question, how many choices. A lesson's step count is `choices.length`.
 */
export interface LessonBounds {
  readonly choices: readonly number[];
  readonly hints: readonly number[];
  readonly quiz: readonly number[];
}
export type LessonsBounds = Readonly<Record<LessonSlug, LessonBounds>>;

/** A sandbox scenario as a file: the scenario, a name and a seed, and what was done since. */
export const SCENARIO_SCHEMA = 'mklab.scenario';
export const SCENARIO_VERSION = 1;

export interface ScenarioFile {
  readonly schema: typeof SCENARIO_SCHEMA;
  readonly v: typeof SCENARIO_VERSION;
  readonly name: string;
  readonly seed: number;
  readonly config: Scenario['config'];
  readonly setup: Scenario['setup'];
  readonly warmupNs?: Scenario['warmupNs'];
  readonly log?: readonly LogEntry[];
  readonly t?: number;
}

/** A replay link's `#r=` payload: `{schema, engine, config, log}` (DESIGN §7). */
export const REPLAY_SCHEMA = 1;

export interface ReplayConfig {
  /** A lesson (which brings its own machine), or a sandbox scenario: a preset or a whole one. */
  readonly lesson?: LessonSlug;
  readonly scenario?: PresetId | Scenario;
  readonly seed: number;
  /** A preset started under another proposal version. */
  readonly version?: ProposalVersion;
  /** The monolithic twin beside the machine (the sandbox's switch; a lesson brings its own). */
  readonly twin?: boolean;
}

export interface Replay {
  readonly schema: typeof REPLAY_SCHEMA;
  readonly engine: number;
  readonly config: ReplayConfig;
  readonly log: readonly LogEntry[];
}

/** Everything a link says: the replay, and the address's own parameters. */
export interface ReplayLink {
  readonly replay: Replay;
  readonly t: number;
  /** 0-based (the address says 1-based). */
  readonly step: number | null;
  readonly lang: 'en' | 'es' | null;
}
