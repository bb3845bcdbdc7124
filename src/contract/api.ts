import type { Frame, FrameRequest, Since } from './frame';
import type { LogEntry, Scenario } from './inputs';
import type { LessonSlug } from './lessons';
import type { ConstantName, Errno, ProposalVersion, TimingConstant } from './machine';
import type { PresetId } from './presets';

/** What a machine is started (or rebuilt, after a restart) from: replay = this + seed + log. */
export interface StartSpec {
  /** A preset or a whole scenario; ignored for a lesson, which brings its own. */
  readonly scenario: Scenario | PresetId;
  readonly seed: number;
  readonly log?: readonly LogEntry[];
  /** Where to stand after the rebuild (a restart restores the time the page had reached). */
  readonly t?: number;
  /** The monolithic twin beside the machine (a lesson brings its own setting). */
  readonly twin?: boolean;
  /** Run this lesson: its scenario and twin, and goal tracking in every frame. */
  readonly lesson?: LessonSlug;
  /** With `lesson`: stand at the start of this step (0-based), replaying earlier solutions. */
  readonly step?: number;
  /** Start the preset under another proposal version. */
  readonly version?: ProposalVersion;
  /** Events between checkpoints (tests make it small to exercise thinning). */
  readonly checkpointEvery?: number;
}

/**
 * Why the machine would not boot a scenario. The machine is the judge of what depends on its
 * state (a CPU already owned, an instance that does not exist yet): the first setup step it
 * refused, with its errno and its own message (English, as the real tools print it).
 */
export interface ScenarioRefusal {
  /** The refused setup step (0-based), or null when the machine would not boot at all. */
  readonly step: number | null;
  /** The refused step's input type (null with `step`). */
  readonly type: string | null;
  readonly code: Errno | null;
  readonly message: string;
  /** Set when the setup ran past this many events (`MAX_SETUP_EVENTS`) at `step` and still busy. */
  readonly budget?: number;
}

/** How far a boot's replay has got: the page shows it, and may cancel. */
export interface ReplayProgress {
  /** Simulated ns where the replay began (after the setup), where it stands, and its target. */
  readonly fromNs: number;
  readonly atNs: number;
  readonly targetNs: number;
  /** Events run so far (a replay stops at `MAX_REPLAY_EVENTS`). */
  readonly events: number;
}

/** A replay that stood short of its target: the page cancelled it, or it ran out of events. */
export interface ReplayStop extends ReplayProgress {
  readonly reason: 'cancelled' | 'events';
}

/** How a boot went: the machine's first frame (and where a replay stopped short), or a refusal. */
export type Boot =
  | { readonly ok: true; readonly frame: Frame; readonly stopped: ReplayStop | null }
  | { readonly ok: false; readonly refusal: ScenarioRefusal };

export interface Hello {
  readonly engine: number;
  readonly constants: Readonly<Record<ConstantName, TimingConstant>>;
}

/**
 * Everything the page may ask of the simulator. The worker exposes one object of this type
 * through Comlink (src/worker/sim.worker.ts); `?mainthread` and the embed's fallback expose the
 * same object on a MessageChannel.
 */
export interface SimApi {
  hello(): Hello;
  /**
   * Build the machine and replay its log to its time, in chunks that yield (so `replayProgress`
   * and `cancelReplay` are answered meanwhile). A setup the machine refuses, or that takes more
   * than `MAX_SETUP_EVENTS` to boot, is answered as a refusal.
   */
  init(spec: StartSpec): Promise<Boot>;
  /** Where the boot's replay stands; null when none runs. */
  replayProgress(): ReplayProgress | null;
  /** Stop the boot's replay where it stands: `init` answers with the machine there, paused. */
  cancelReplay(): void;
  /**
   * Would this scenario boot (within `MAX_SETUP_EVENTS`)? An imported file is tried on the side
   * before it replaces anything.
   */
  checkScenario(scenario: Scenario, seed: number): ScenarioRefusal | null;
  /** The lesson step's "show me" (`jump`: straight to its end, until its goals hold). */
  showMe(jump: boolean, since: Since): Frame;
  /** Back or reset: stand where lesson step `step` began, dropping what came after. */
  rewindToStep(step: number, since: Since): Promise<Frame>;
  frame(req: FrameRequest): Frame;
  stepEvent(since: Since): Frame;
  skipToHappening(since: Since, maxNs: number): Frame;
  seek(t: number, since: Since): Promise<Frame>;
  setTwin(on: boolean): void;
  /** The running machine's scenario (a preset's resolved, under its version): exporting it. */
  scenario(): Scenario;
  hash(): string;
  /** The run so far as Chrome trace-event JSON (a replay with full recording). */
  exportTrace(): string;
  /** The golden trace hash of the busy preset, computed in this engine (the e2e test compares). */
  goldenHash(seed: number): { hash: string; events: number };
  /** Test hooks: stop answering, or throw, as a wedged or crashed worker would. */
  hang(): void;
  crash(): void;
}
