import { byRegistry, LESSON_SLUGS, type LessonSlug } from '../contract';
import { LESSON_CONTENT } from './catalog';
import type { LessonContent } from './types';

export * from './types';
export { lessonKey } from './keys';

/** Every lesson's metadata and text shape by slug (the text itself loads per lesson). */
export const CONTENT: Readonly<Record<LessonSlug, LessonContent>> = byRegistry(
  LESSON_SLUGS,
  LESSON_CONTENT,
  'src/content/catalog.ts',
);

/** Teaching order: the registry's (src/contract/lessons.ts), under the page's name for it. */
export const LESSON_ORDER: readonly LessonSlug[] = LESSON_SLUGS;
