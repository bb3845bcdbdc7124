import type { Happening } from './happenings';
import type { LabInput } from './inputs';
import type { LessonSlug } from './lessons';
import type { ApplyResult } from './machine';
import type { CpuMark, MachineView, TrafficEvent } from './view';

// What the worker and the page say to each other each frame (DESIGN §4).

/**
 * One line of shell output. Kernel and tool output is `text`, exactly as printed (English, as the
 * real tools print it). Prose of the lab's own (help, notes) is a message `key` with `params`,
 * which the page translates. `err` marks standard error.
 */
export type OutLine =
  | { readonly text: string; readonly err?: true }
  | {
      readonly key: string;
      readonly params?: Readonly<Record<string, string | number>>;
      readonly err?: true;
    };

export interface FrameRequest {
  readonly inputs: readonly LabInput[];
  /** Simulated nanoseconds to move forward in this frame (0 when paused). */
  readonly advanceNs: number;
  readonly sinceHappening: number;
  /** Sequence numbers of the last traffic event and CPU mark the page has (absent: none). */
  readonly sinceTraffic?: number;
  readonly sinceCpuMark?: number;
}

export interface AppliedInput {
  readonly atNs: number;
  readonly input: LabInput;
  /** A shell line's result is always ok here: its own exit status is in the frame's `shell`. */
  readonly result: ApplyResult;
}

/** What a shell line answered (the page's transcript shows it). */
export interface ShellOutput {
  readonly seq: number;
  readonly atNs: number;
  readonly line: string;
  readonly output: readonly OutLine[];
  readonly exit: number;
  /** The line is blocked in a system call: the prompt waits (a later `cont` entry ends it). */
  readonly waiting?: true;
  /** The rest of the waiting entry: its output is appended there and its exit replaces it. */
  readonly cont?: true;
}

/** Where a lesson stands, as the worker sees it (absent outside lessons). */
export interface LessonStatus {
  readonly slug: LessonSlug;
  /** 0-based step, and how many steps the lesson has. */
  readonly step: number;
  readonly steps: number;
  /** Each of this step's goals: held at some instant of the step (latched). */
  readonly met: readonly boolean[];
  /** When each step up to this one began (simulated ns): back and reset rewind to these. */
  readonly markers: readonly number[];
  /** Items of a "show me" script still to play (0 when none runs). */
  readonly scriptLeft: number;
}

export interface Frame {
  readonly t: number;
  readonly lesson: LessonStatus | null;
  readonly view: MachineView;
  readonly twin: MachineView | null;
  readonly applied: readonly AppliedInput[];
  /** The answers to this frame's shell lines, in order. */
  readonly shell: readonly ShellOutput[];
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
