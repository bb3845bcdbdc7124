import { booting } from './booting-a-second-kernel';
import { carving } from './carving-the-machine';
import { crashContainment } from './crash-containment';
import { noisyNeighbours } from './noisy-neighbours';
import { oneKernel } from './one-kernel-owns-everything';
import { recovery } from './recovery-without-reboot';
import { roots } from './roots';
import { talking } from './talking-between-kernels';
import type { LessonLogic, LessonSlug } from './types';
import { notProtected } from './what-it-does-not-protect';
import { zeroDowntime } from './zero-downtime-update';

export * from './types';

/** Every lesson's logic, run in the worker (scenario, goals, "show me", solution). */
export const LESSONS: Readonly<Record<LessonSlug, LessonLogic>> = {
  'one-kernel-owns-everything': oneKernel,
  'carving-the-machine': carving,
  'booting-a-second-kernel': booting,
  'talking-between-kernels': talking,
  'crash-containment': crashContainment,
  'recovery-without-reboot': recovery,
  'noisy-neighbours': noisyNeighbours,
  'zero-downtime-update': zeroDowntime,
  'what-it-does-not-protect': notProtected,
  roots,
};
