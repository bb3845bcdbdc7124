import { wrap, type Remote } from 'comlink';
import { workerSim } from '../../app/sim-host';
import type { Frame, LessonSlug, SimApi } from '../../contract';

/**
 * A machine of its own, in its own worker, for pictures and videos of a lesson's steps: the
 * learner's machine (and its log, its step, its progress) is never touched. A lesson step is
 * stood at the way a deep link stands there: each earlier step's solution replayed (DESIGN §6),
 * so the picture is the real machine at that step, the same for the same seed.
 */
export interface SideMachine {
  /** Boot the lesson at the start of step `step` (0-based): its first frame. */
  atStep(slug: LessonSlug, seed: number, step: number): Promise<Frame>;
  /** Play the step's "show me" from now, with the clock running. */
  showMe(): Promise<Frame>;
  /** Move `ns` of simulated time forward: the frame there (happenings since the last one). */
  advance(ns: number): Promise<Frame>;
  close(): void;
}

export function openSideMachine(): SideMachine {
  const endpoint = workerSim();
  const api: Remote<SimApi> = wrap<SimApi>(endpoint.port);
  /** The last happening seen (the next frame brings those after it). */
  let since = -1;
  const seen = (f: Frame) => {
    since = f.happeningHead - 1;
    return f;
  };
  return {
    async atStep(slug, seed, step) {
      const boot = await api.init({ scenario: 'two-kernels', seed, lesson: slug, step });
      if (!boot.ok) throw new Error(boot.refusal.message);
      return seen(boot.frame);
    },
    async showMe() {
      return seen(await api.showMe(false, { sinceHappening: since }));
    },
    async advance(ns) {
      return seen(await api.frame({ inputs: [], advanceNs: ns, sinceHappening: since }));
    },
    close: () => endpoint.terminate(),
  };
}
