import { z } from './zod';
import {
  PROGRESS_SCHEMA,
  PROGRESS_STORE_VERSION,
  PROGRESS_VERSION,
  type LessonBounds,
  type LessonProgress,
  type LessonsBounds,
  type Progress,
  type StoredLesson,
} from '../files';
import { LESSON_SLUGS, type LessonSlug } from '../lessons';
import { MAX_PROGRESS_CHARS, MAX_SEED } from '../limits';
import type { Checked } from '../problems';
import {
  choiceKey,
  flag,
  indexKey,
  intIn,
  keyed,
  rule,
  simTime,
  tag,
  text,
  unique,
} from './fields';
import { inputLog } from './log';
import { checked, readJson } from './problem';

/**
 * Lesson progress (DESIGN §7): the object kept in localStorage, and the progress file, which is
 * the same object with a `schema` tag. Per lesson: the step, seed, input log and time a reload
 * replays, and the learner's answers, each bounded by the lesson (`LessonsBounds`, passed in by
 * the page, which knows the lessons' content).
 */

/** A page's id in a stored record: random, short. */
const MAX_WRITER_ID = 40;

const isSlug = (s: string): s is LessonSlug => (LESSON_SLUGS as readonly string[]).includes(s);

function lessonProgress(b: LessonBounds) {
  const steps = b.choices.length;
  const perStep = (value: (i: number) => z.ZodMiniType) =>
    keyed(indexKey(steps), (k) => value(Number(k)));
  return z.strictObject({
    step: intIn(0, steps - 1),
    seed: intIn(0, MAX_SEED),
    log: inputLog(steps),
    t: simTime(),
    predictions: perStep((i) => intIn(1, b.choices[i] ?? 1)),
    hints: perStep((i) => intIn(0, b.hints[i] ?? 0)),
    cards: perStep(() => z.boolean()),
    uiDone: perStep(() => z.boolean()),
    quiz: keyed(indexKey(b.quiz.length), (k) => intIn(1, b.quiz[Number(k)] ?? 1)),
  });
}

interface Schemas {
  readonly lesson: (slug: LessonSlug) => z.ZodMiniType;
  /** One lesson's record in localStorage (version 2). */
  readonly stored: (slug: LessonSlug) => z.ZodMiniType;
  /** The stored object (the file without its tag). */
  readonly body: z.ZodMiniType;
  readonly file: z.ZodMiniType;
}

const made = new WeakMap<LessonsBounds, Schemas>();

function schemas(bounds: LessonsBounds): Schemas {
  const known = made.get(bounds);
  if (known) return known;
  const lessons = new Map<LessonSlug, z.ZodMiniType>();
  const lesson = (slug: LessonSlug) => {
    let s = lessons.get(slug);
    if (!s) lessons.set(slug, (s = lessonProgress(bounds[slug])));
    return s;
  };
  const records = new Map<LessonSlug, z.ZodMiniType>();
  const stored = (slug: LessonSlug) => {
    let r = records.get(slug);
    if (!r) {
      r = z.strictObject({
        v: tag(PROGRESS_STORE_VERSION, 'version', 20),
        rev: intIn(1, Number.MAX_SAFE_INTEGER),
        by: text(MAX_WRITER_ID),
        entry: z.nullable(lesson(slug)),
        finished: z.boolean(),
        reached: z.nullable(intIn(0, bounds[slug].choices.length - 1)),
      });
      records.set(slug, r);
    }
    return r;
  };
  const slugKey = choiceKey(LESSON_SLUGS);
  const shape = {
    v: tag(PROGRESS_VERSION, 'version', 20),
    current: z.nullable(z.enum(LESSON_SLUGS)),
    lessons: keyed(slugKey, (k) => lesson(k as LessonSlug)),
    finished: unique(z.enum(LESSON_SLUGS), LESSON_SLUGS.length),
    reached: keyed(slugKey, (k) => intIn(0, bounds[k as LessonSlug].choices.length - 1)),
  };
  const file = z.strictObject({ schema: z.unknown(), ...shape }).check(
    rule<Progress>((p, ctx) => {
      // The lesson the file says the learner is in must be one it has progress for.
      if (p.current !== null && !(p.current in p.lessons))
        flag(ctx, 'missing', {}, ['lessons', p.current]);
    }),
  );
  const s: Schemas = { lesson, stored, body: z.strictObject(shape), file };
  made.set(bounds, s);
  return s;
}

const kind = z.looseObject({
  schema: tag(PROGRESS_SCHEMA, 'schema'),
  v: tag(PROGRESS_VERSION, 'version', 20),
});

/** A progress file's text, all or nothing: the first bad field is named. */
export function readProgressFile(text: string, bounds: LessonsBounds): Checked<Progress> {
  const json = readJson(text, MAX_PROGRESS_CHARS);
  if (!json.ok) return json;
  const tagged = checked<unknown>(kind, json.value);
  if (!tagged.ok) return tagged;
  const r = checked<Progress & { schema: string }>(schemas(bounds).file, json.value);
  if (!r.ok) return r;
  const { schema: _schema, ...progress } = r.value;
  return { ok: true, value: progress };
}

const EMPTY_PROGRESS: Progress = {
  v: PROGRESS_VERSION,
  current: null,
  lessons: {},
  finished: [],
  reached: {},
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Progress as localStorage kept it. Unlike a file, what cannot be read is dropped, never fatal:
 * a lesson whose record is wrong is forgotten and the rest kept, and `ignored` says so (the page
 * tells the learner).
 */
export function readStoredProgress(
  data: unknown,
  bounds: LessonsBounds,
): { progress: Progress; ignored: boolean } {
  const s = schemas(bounds);
  const whole = s.body.safeParse(data).success;
  if (!whole && (!isRecord(data) || data.v !== PROGRESS_VERSION || !isRecord(data.lessons)))
    return { progress: EMPTY_PROGRESS, ignored: true };
  const o = data as Record<string, unknown> & { lessons: Record<string, unknown> };
  const lessons: Partial<Record<LessonSlug, LessonProgress>> = {};
  for (const [slug, p] of Object.entries(o.lessons))
    if (isSlug(slug) && s.lesson(slug).safeParse(p).success) lessons[slug] = p as LessonProgress;
  const finished = (Array.isArray(o.finished) ? (o.finished as unknown[]) : []).filter(
    (x, i, all): x is LessonSlug => typeof x === 'string' && isSlug(x) && all.indexOf(x) === i,
  );
  const reached: Partial<Record<LessonSlug, number>> = {};
  for (const [slug, n] of Object.entries(isRecord(o.reached) ? o.reached : {}))
    if (isSlug(slug) && intIn(0, bounds[slug].choices.length - 1).safeParse(n).success)
      reached[slug] = n as number;
  // A lesson entered but not yet saved is current without a record: not a fault of the data.
  const c = o.current;
  const current = typeof c === 'string' && isSlug(c) && lessons[c] ? c : null;
  const progress: Progress = { v: PROGRESS_VERSION, current, lessons, finished, reached };
  return { progress, ignored: !whole };
}

/**
 * One lesson's record as localStorage keeps it (version 2), or null when it cannot be read
 * (damaged, another version, a lesson whose content changed): the page sets such text aside.
 */
export function readStoredLesson(
  data: unknown,
  slug: LessonSlug,
  bounds: LessonsBounds,
): StoredLesson | null {
  return schemas(bounds).stored(slug).safeParse(data).success ? (data as StoredLesson) : null;
}

/** Why a stored lesson record cannot be read: its first bad field (the page names it). */
export function storedLessonProblem(
  data: unknown,
  slug: LessonSlug,
  bounds: LessonsBounds,
): string {
  const r = checked<StoredLesson>(schemas(bounds).stored(slug), data);
  return r.ok ? '' : r.problem.path;
}
