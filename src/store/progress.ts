import type { LessonSlug, LogEntry } from '../contract';
import { initialLesson, lessonStore, type LessonState } from './lesson-store';

/**
 * Lesson progress in localStorage (DESIGN §7): per lesson, the step, seed, input log and time
 * (what a reload replays), and the learner's answers. Versioned; anything unreadable is ignored
 * with a notice, never fatal.
 */
export const PROGRESS_KEY = 'mklab.progress';
export const PROGRESS_VERSION = 1;
/** A saved log longer than this is not kept (a lesson's own log is a few dozen entries). */
const MAX_LOG = 5000;

export interface LessonProgress {
  readonly step: number;
  readonly seed: number;
  readonly log: readonly LogEntry[];
  readonly t: number;
  readonly predictions: Readonly<Record<number, number>>;
  readonly hints: Readonly<Record<number, number>>;
  readonly cards: Readonly<Record<number, boolean>>;
  readonly uiDone: Readonly<Record<number, boolean>>;
  readonly quiz: Readonly<Record<number, number>>;
}

export interface Progress {
  readonly v: typeof PROGRESS_VERSION;
  readonly current: LessonSlug | null;
  readonly lessons: Readonly<Partial<Record<LessonSlug, LessonProgress>>>;
  readonly finished: readonly LessonSlug[];
  readonly reached: Readonly<Partial<Record<LessonSlug, number>>>;
}

const EMPTY: Progress = {
  v: PROGRESS_VERSION,
  current: null,
  lessons: {},
  finished: [],
  reached: {},
};

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked (a sandboxed frame, privacy settings): progress is simply not kept.
    return null;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const numberMap = (x: unknown): x is Record<string, number> =>
  isRecord(x) && Object.entries(x).every(([k, v]) => /^\d+$/.test(k) && isCount(v));
const boolMap = (x: unknown): x is Record<string, boolean> =>
  isRecord(x) && Object.entries(x).every(([k, v]) => /^\d+$/.test(k) && typeof v === 'boolean');

function validLesson(x: unknown): x is LessonProgress {
  if (!isRecord(x)) return false;
  const log = x.log;
  return (
    isCount(x.step) &&
    isCount(x.seed) &&
    isCount(x.t) &&
    Array.isArray(log) &&
    log.length <= MAX_LOG &&
    log.every(
      (e) =>
        isRecord(e) && isCount(e.atNs) && isRecord(e.input) && typeof e.input.type === 'string',
    ) &&
    numberMap(x.predictions) &&
    numberMap(x.hints) &&
    boolMap(x.cards) &&
    boolMap(x.uiDone) &&
    numberMap(x.quiz)
  );
}

/**
 * Read saved progress. `slugs` are the lessons that exist; unknown ones are dropped. Returns
 * the progress and whether something had to be ignored (the page says so).
 */
export function readProgress(slugs: readonly LessonSlug[]): {
  progress: Progress;
  ignored: boolean;
} {
  const raw = storage()?.getItem(PROGRESS_KEY);
  if (raw === null || raw === undefined) return { progress: EMPTY, ignored: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: EMPTY, ignored: true };
  }
  if (!isRecord(data) || data.v !== PROGRESS_VERSION || !isRecord(data.lessons)) {
    return { progress: EMPTY, ignored: true };
  }
  const known = (s: unknown): s is LessonSlug => slugs.includes(s as LessonSlug);
  let ignored = false;
  const lessons: Partial<Record<LessonSlug, LessonProgress>> = {};
  for (const [slug, p] of Object.entries(data.lessons)) {
    if (known(slug) && validLesson(p)) lessons[slug] = p;
    else ignored = true;
  }
  const finished = Array.isArray(data.finished) ? data.finished.filter(known) : [];
  const reached: Partial<Record<LessonSlug, number>> = {};
  if (isRecord(data.reached)) {
    for (const [slug, n] of Object.entries(data.reached))
      if (known(slug) && isCount(n)) reached[slug] = n;
  }
  const current = known(data.current) && lessons[data.current] ? data.current : null;
  return { progress: { v: PROGRESS_VERSION, current, lessons, finished, reached }, ignored };
}

export function writeProgress(p: Progress): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Quota or blocked storage: keep going without saving.
  }
}

/** The saved state of the lesson the learner is in, from the stores and the bridge's log. */
export function snapshotProgress(
  prev: Progress,
  s: LessonState,
  run: { seed: number; log: readonly LogEntry[]; t: number },
): Progress {
  const slug = s.slug;
  const base = { ...prev, finished: s.finished, reached: s.reached, current: slug };
  if (!slug || !s.status || s.status.slug !== slug) return base;
  const entry: LessonProgress = {
    step: s.status.step,
    seed: run.seed,
    log: run.log.length <= MAX_LOG ? run.log : [],
    t: run.t,
    predictions: s.predictions,
    hints: s.hints,
    cards: s.cards,
    uiDone: s.uiDone,
    quiz: s.quiz,
  };
  return { ...base, lessons: { ...prev.lessons, [slug]: entry } };
}

/** Forget every lesson's progress (the lesson list's "reset progress"). */
export function resetProgress(): void {
  writeProgress(EMPTY);
  const s = lessonStore.getState();
  lessonStore.setState({ ...initialLesson, slug: s.slug, status: s.status, page: s.page });
}
