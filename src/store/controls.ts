import type { PresetId, ProposalVersion } from '../sim';

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
};
