import { booting } from './booting-a-second-kernel';
import { carving } from './carving-the-machine';
import { crashContainment } from './crash-containment';
import { noisyNeighbours } from './noisy-neighbours';
import { oneKernel } from './one-kernel-owns-everything';
import { recovery } from './recovery-without-reboot';
import { roots } from './roots';
import { talking } from './talking-between-kernels';
import type { LessonContent } from './types';
import { notProtected } from './what-it-does-not-protect';
import { zeroDowntime } from './zero-downtime-update';

/**
 * Every lesson's content module, in no particular order: each names its own slug, and
 * `src/content/index.ts` orders them by the registry (src/contract/lessons.ts), failing with the
 * slug if one is missing here. A new lesson adds its import and its name, nothing else.
 */
export const LESSON_CONTENT: readonly LessonContent[] = [
  booting,
  carving,
  crashContainment,
  noisyNeighbours,
  oneKernel,
  recovery,
  roots,
  talking,
  notProtected,
  zeroDowntime,
];
