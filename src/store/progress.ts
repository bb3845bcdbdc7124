import {
  MAX_LOG,
  PROGRESS_VERSION,
  type LessonProgress,
  type LessonsBounds,
  type LogEntry,
  type Progress,
} from '../contract';
import { initialLesson, lessonStore, type LessonState } from './lesson-store';

/**
 * Lesson progress in localStorage (DESIGN §7): per lesson, the step, seed, input log and time
 * (what a reload replays), and the learner's answers. Versioned, and read with the same checks
 * as a progress file (src/contract/validate/progress.ts); anything unreadable is ignored with a
 * notice, never fatal.
 */
export const PROGRESS_KEY = 'mklab.progress';

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

/**
 * Read saved progress, each lesson bounded by `bounds`. Returns the progress and whether
 * something had to be ignored (the page says so). The checks load only when something was saved,
 * so a first visit fetches nothing more.
 */
export async function readProgress(
  bounds: LessonsBounds,
): Promise<{ progress: Progress; ignored: boolean }> {
  const raw = storage()?.getItem(PROGRESS_KEY);
  if (raw === null || raw === undefined) return { progress: EMPTY, ignored: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: EMPTY, ignored: true };
  }
  const { readStoredProgress } = await import('../contract/validate/progress');
  return readStoredProgress(data, bounds);
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
