import type { LessonSlug, PresetId, ProposalVersion } from '../contract';

/**
 * Operations on the simulator that are not inputs to the machine (they do not enter the log):
 * moving through time, choosing another machine, exporting. The composition root registers the
 * implementation (the bridge); the UI calls them through here, never the bridge directly.
 */
export interface SimControls {
  stepEvent(): Promise<void>;
  /** Jump over a quiet stretch: run to the next narrated happening, at most `maxNs` ahead. */
  skipToHappening(maxNs: number): Promise<void>;
  seek(tNs: number): Promise<void>;
  loadScenario(spec: { preset: PresetId; seed: number; version?: ProposalVersion }): Promise<void>;
  setTwin(on: boolean): Promise<void>;
  /** Chrome trace-event JSON of the run so far (one track per CPU, IPIs as flow events). */
  exportTrace(): Promise<string>;
  /** Start a lesson on a fresh machine, standing at the start of `step` (0-based; default 0). */
  startLesson(slug: LessonSlug, step?: number): Promise<void>;
  /** Leave the lesson: back to the sandbox's machine. */
  leaveLesson(): Promise<void>;
  /** Answer `lessonStore.ask`: open what is saved, or keep what this page shows. */
  chooseProgress(which: 'saved' | 'here'): Promise<void>;
  /** Forget every lesson's progress in this browser. */
  resetProgress(): void;
  /** Play the step's "show me" script (or run straight to its end and until its goals hold). */
  showMe(jump: boolean): Promise<void>;
  /** Stand where step `step` began, dropping everything after (back, reset step). */
  rewindToStep(step: number): Promise<void>;
  /** Stop a boot's replay where it stands: the machine opens there, paused. */
  cancelReplay(): Promise<void>;
  /** After a failed boot: try it again. */
  retry(): Promise<void>;
}

let impl: SimControls | null = null;

export function registerControls(c: SimControls): void {
  impl = c;
}

const notReady = () => Promise.reject(new Error('the simulator is not ready'));

export const controls: SimControls = {
  stepEvent: () => impl?.stepEvent() ?? notReady(),
  skipToHappening: (maxNs) => impl?.skipToHappening(maxNs) ?? notReady(),
  seek: (t) => impl?.seek(t) ?? notReady(),
  loadScenario: (spec) => impl?.loadScenario(spec) ?? notReady(),
  setTwin: (on) => impl?.setTwin(on) ?? notReady(),
  exportTrace: () => impl?.exportTrace() ?? notReady(),
  startLesson: (slug, step) => impl?.startLesson(slug, step) ?? notReady(),
  leaveLesson: () => impl?.leaveLesson() ?? notReady(),
  chooseProgress: (which) => impl?.chooseProgress(which) ?? notReady(),
  resetProgress: () => impl?.resetProgress(),
  showMe: (jump) => impl?.showMe(jump) ?? notReady(),
  rewindToStep: (step) => impl?.rewindToStep(step) ?? notReady(),
  cancelReplay: () => impl?.cancelReplay() ?? notReady(),
  retry: () => impl?.retry() ?? notReady(),
};
