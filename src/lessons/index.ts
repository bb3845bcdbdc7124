import { byRegistry, LESSON_SLUGS, type LessonSlug } from '../contract';
import { LESSON_LOGIC } from './catalog';
import type { LessonLogic } from './types';

export * from './types';

/** Every lesson's logic (scenario, goals, "show me", solution) by slug, run in the worker. */
export const LESSONS: Readonly<Record<LessonSlug, LessonLogic>> = byRegistry(
  LESSON_SLUGS,
  LESSON_LOGIC,
  'src/lessons/catalog.ts',
);
