import type { LessonSlug } from '../contract';

/**
 * Text keys of a lesson, derived from its slug and 1-based step / question numbers, so content
 * files hold structure only. Lesson text may use three marks, rendered by the lesson panel:
 * `[[glossary-id|shown words]]` links a term to the glossary, `` `code` `` shows code, and
 * `**Control name**` names a control of the page in bold.
 */
export const lessonKey = {
  title: (s: LessonSlug) => `${s}.title`,
  idea: (s: LessonSlug) => `${s}.idea`,
  version: (s: LessonSlug) => `${s}.version`,
  uncertain: (s: LessonSlug, n: number) => `${s}.uncertain.${n}`,
  misconceptions: (s: LessonSlug) => `${s}.misconceptions`,
  step: {
    title: (s: LessonSlug, n: number) => `${s}.s${n}.title`,
    predict: (s: LessonSlug, n: number) => `${s}.s${n}.p`,
    choice: (s: LessonSlug, n: number, c: number) => `${s}.s${n}.p.c${c}`,
    task: (s: LessonSlug, n: number) => `${s}.s${n}.task`,
    hint: (s: LessonSlug, n: number, h: number) => `${s}.s${n}.h${h}`,
    observe: (s: LessonSlug, n: number) => `${s}.s${n}.observe`,
    explain: (s: LessonSlug, n: number) => `${s}.s${n}.explain`,
    goal: (s: LessonSlug, n: number, id: string) => `${s}.s${n}.goal.${id}`,
    cardTitle: (s: LessonSlug, n: number) => `${s}.s${n}.card.title`,
    cardBody: (s: LessonSlug, n: number) => `${s}.s${n}.card.body`,
    uncertain: (s: LessonSlug, n: number) => `${s}.s${n}.uncertain`,
  },
  quiz: {
    question: (s: LessonSlug, q: number) => `${s}.q${q}`,
    choice: (s: LessonSlug, q: number, c: number) => `${s}.q${q}.c${c}`,
    why: (s: LessonSlug, q: number, c: number) => `${s}.q${q}.c${c}.why`,
  },
} as const;

/** Glossary entries: `glossary.<id>.term` and `glossary.<id>.def`, in src/i18n/<lang>/glossary.json. */
export const glossaryKey = {
  term: (id: string) => `glossary.${id}.term`,
  def: (id: string) => `glossary.${id}.def`,
};
