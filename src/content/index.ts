import type { LessonSlug } from '../contract';
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

export * from './types';
export { lessonKey, glossaryKey } from './keys';

/** Every lesson's metadata and text shape, in teaching order (the text loads per lesson). */
export const CONTENT: Readonly<Record<LessonSlug, LessonContent>> = {
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

/** Teaching order (a unit test checks it is the worker's `LESSON_SLUGS`). */
export const LESSON_ORDER = Object.keys(CONTENT) as readonly LessonSlug[];
