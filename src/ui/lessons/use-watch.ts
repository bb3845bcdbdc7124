import { useStore } from 'zustand';
import type { StepContent } from '../../content';
import { lessonStore } from '../../store/lesson-store';
import { playbackStore } from '../../store/playback-store';
import { simStore } from '../../store/sim-store';

const MS = 1_000_000;

/**
 * A step that teaches something happening over time (tasks hopping between CPUs, a ring
 * filling): its check holds only once the machine has run `watchMs` of simulated time since the
 * step began, so it cannot be completed with the clock stopped. `paused` and `acted` say when to
 * ask for Play.
 */
export function useWatch(
  k: number,
  step: StepContent,
): {
  readonly needed: boolean;
  readonly done: boolean;
  readonly paused: boolean;
  readonly acted: boolean;
} {
  const began = useStore(lessonStore, (s) => s.status?.markers[k] ?? null);
  const t = useStore(simStore, (s) => s.t);
  const paused = useStore(playbackStore, (s) => !s.playing);
  // Something was done to the machine in this step (a line run, a fault injected): its effects
  // may need the clock to run before the check can hold.
  const acted = useStore(
    simStore,
    (s) =>
      began !== null &&
      ((s.happenings.at(-1)?.t ?? -1) >= began ||
        s.shell.some((e) => e.atNs !== null && e.atNs >= began)),
  );
  const needed = step.watchMs !== undefined;
  const done = needed && began !== null && t - began >= (step.watchMs ?? 0) * MS;
  return { needed, done, paused, acted };
}
