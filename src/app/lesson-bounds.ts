import type { LessonBounds, LessonSlug, LessonsBounds } from '../contract';
import { CONTENT, LESSON_ORDER } from '../content';

/**
 * What each lesson allows, for the contract's checks of progress, links and the presenter's log
 * (the contract does not know the lessons' content): per step, its prediction's choices and its
 * hints; per quiz question, its choices.
 */
export const LESSON_BOUNDS: LessonsBounds = Object.fromEntries(
  LESSON_ORDER.map((slug) => {
    const c = CONTENT[slug];
    return [
      slug,
      {
        choices: c.steps.map((s) => s.predict.choices),
        hints: c.steps.map((s) => s.hints),
        quiz: c.quiz.map((q) => q.choices),
      },
    ];
  }),
) as Record<string, LessonBounds> as LessonsBounds;

/** How many steps a lesson has. */
export const stepsOf = (slug: LessonSlug): number => CONTENT[slug].steps.length;
