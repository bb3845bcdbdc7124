import {
  LESSON_SLUGS,
  MAX_LOG,
  PROGRESS_VERSION,
  type LessonProgress,
  type LessonSlug,
  type LessonsBounds,
  type LogEntry,
  type Progress,
  type StoredLesson,
} from '../contract';
import type * as ProgressChecks from '../contract/validate/progress';
import type { LessonState } from './lesson-store';
import { recordOf, type LessonBody, type RecordIO } from './progress-sync';

/**
 * Lesson progress in localStorage (DESIGN §7; issue 11): one record per lesson under
 * `mklab.progress.<slug>` (`StoredLesson`: the step, seed, input log and time a reload replays,
 * the learner's answers, the list's finished / reached, and a revision), read with the same checks
 * as a progress file (src/contract/validate/progress.ts). Version 1 kept one object for every
 * lesson under `mklab.progress`: it is read once and moved into records. What cannot be read is
 * never dropped: its text is set aside under `mklab.aside.*` (downloadable), and the page says so.
 */
export const LEGACY_KEY = 'mklab.progress';
const RECORD_PREFIX = 'mklab.progress.';
const ASIDE_PREFIX = 'mklab.aside.';

export const recordKey = (slug: LessonSlug): string => RECORD_PREFIX + slug;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked (a sandboxed frame, privacy settings): nothing can be kept.
    return null;
  }
}

function getItem(st: Storage | null, key: string): string | null {
  try {
    return st?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The records of this browser's localStorage; `set` throws when the browser refuses. */
export const lessonIO: RecordIO = {
  get: (slug) => getItem(storage(), recordKey(slug)),
  set: (slug, text) => {
    const st = storage();
    if (!st) throw new Error('storage is blocked');
    st.setItem(recordKey(slug), text);
  },
};

/** Whether a `storage` event is about this page's localStorage (false where it is blocked). */
export function isLocalArea(area: Storage | null): boolean {
  const st = storage();
  return st !== null && (area === null || area === st);
}

/** Forget a lesson's record (reset progress). */
export function removeRecord(slug: LessonSlug): void {
  try {
    storage()?.removeItem(recordKey(slug));
  } catch {
    // Blocked storage holds nothing to remove.
  }
}

/** The lesson a storage key is the record of, or null. */
export function slugOfKey(key: string): LessonSlug | null {
  const slug = key.startsWith(RECORD_PREFIX) ? key.slice(RECORD_PREFIX.length) : '';
  return (LESSON_SLUGS as readonly string[]).includes(slug) ? (slug as LessonSlug) : null;
}

function asideKeys(st: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < st.length; i++) {
    const k = st.key(i);
    if (k?.startsWith(ASIDE_PREFIX)) keys.push(k);
  }
  return keys.sort();
}

/**
 * Keep text the page could not read under a key of its own, which nothing ever writes again.
 * Returns whether it is kept (already there counts).
 */
export function setAside(text: string, from: string, st: Storage | null = storage()): boolean {
  if (!st) return false;
  try {
    for (const k of asideKeys(st)) {
      const item = JSON.parse(st.getItem(k) ?? 'null') as { text?: unknown } | null;
      if (item?.text === text) return true;
    }
    const at = new Date().toISOString();
    const key = `${ASIDE_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    st.setItem(key, JSON.stringify({ from, at, text }));
    return true;
  } catch {
    return false;
  }
}

/** Whether anything is set aside in this browser. */
export function hasAside(st: Storage | null = storage()): boolean {
  try {
    return st !== null && asideKeys(st).length > 0;
  } catch {
    return false;
  }
}

/** Everything set aside, as one file: each item's original key, when, and its text unchanged. */
export function asideFileText(st: Storage | null = storage()): string {
  const items: unknown[] = [];
  if (st) {
    for (const k of asideKeys(st)) {
      try {
        items.push(JSON.parse(st.getItem(k) ?? 'null'));
      } catch {
        items.push({ from: k, text: st.getItem(k) });
      }
    }
  }
  return `${JSON.stringify({ schema: 'mklab.set-aside', v: 1, items }, null, 2)}\n`;
}

/** One lesson as this browser keeps it: the record, and its text as read (the base of a write). */
export interface Kept {
  readonly text: string;
  readonly record: StoredLesson;
}

export interface StoredProgress {
  readonly lessons: Partial<Record<LessonSlug, Kept>>;
  /** Something could not be read and was set aside now. */
  readonly setAside: boolean;
  /** Where the first of it was wrong: its key, then its first bad field (e.g. `…: step`). */
  readonly asideField?: string;
}

type Checks = typeof ProgressChecks;

/** The record of `text`, when it is one this page can read. */
export function readRecord(
  checks: Checks,
  text: string | null,
  slug: LessonSlug,
  bounds: LessonsBounds,
): StoredLesson | null {
  if (text === null) return null;
  try {
    return checks.readStoredLesson(JSON.parse(text), slug, bounds);
  } catch {
    return null;
  }
}

/** A lesson's body as a progress object (version 1, or a file) has it; null when it has nothing. */
export function bodyFromProgress(p: Progress, slug: LessonSlug): LessonBody | null {
  const entry = p.lessons[slug] ?? null;
  const finished = p.finished.includes(slug);
  const reached = p.reached[slug] ?? null;
  return entry || finished || reached !== null ? { entry, finished, reached } : null;
}

/**
 * Read this browser's saved progress, each lesson bounded by `bounds`; a version 1 object is
 * moved into records (a lesson that already has a record keeps it) and removed once they are
 * written. The checks load only when something was saved, so a first visit fetches nothing more.
 */
export async function readStore(
  bounds: LessonsBounds,
  st: Storage | null = storage(),
): Promise<StoredProgress> {
  const texts = LESSON_SLUGS.map((slug) => [slug, getItem(st, recordKey(slug))] as const);
  const legacy = getItem(st, LEGACY_KEY);
  if (!st || (legacy === null && texts.every(([, t]) => t === null)))
    return { lessons: {}, setAside: false };
  const checks = await import('../contract/validate/progress');
  const lessons: Partial<Record<LessonSlug, Kept>> = {};
  let aside = false;
  let asideField: string | undefined;
  const putAside = (text: string, key: string, field = '') => {
    aside = true;
    asideField ??= field ? `${key}: ${field}` : key;
    // Removed only once a copy is kept: unreadable text is never lost.
    if (setAside(text, key, st)) st.removeItem(key);
  };
  for (const [slug, text] of texts) {
    if (text === null) continue;
    const record = readRecord(checks, text, slug, bounds);
    if (record) lessons[slug] = { text, record };
    else putAside(text, recordKey(slug), fieldOf(checks, text, slug, bounds));
  }
  if (legacy !== null) {
    let data: unknown = undefined;
    try {
      data = JSON.parse(legacy);
    } catch {
      // Read as nothing below, and set aside whole.
    }
    const { progress, ignored } = checks.readStoredProgress(data, bounds);
    let moved = true;
    for (const slug of LESSON_SLUGS) {
      const body = bodyFromProgress(progress, slug);
      if (!body || lessons[slug]) continue;
      const record = recordOf(1, 'v1', body);
      const text = JSON.stringify(record);
      try {
        st.setItem(recordKey(slug), text);
        lessons[slug] = { text, record };
      } catch {
        moved = false;
      }
    }
    if (ignored) putAside(legacy, LEGACY_KEY);
    else if (moved) st.removeItem(LEGACY_KEY);
  }
  return { lessons, setAside: aside, ...(asideField ? { asideField } : {}) };
}

/** The first bad field of a stored record's text ('' when it is not JSON at all). */
function fieldOf(checks: Checks, text: string, slug: LessonSlug, bounds: LessonsBounds): string {
  try {
    return checks.storedLessonProblem(JSON.parse(text), slug, bounds);
  } catch {
    return '';
  }
}

/** The state of the lesson the learner is in, from the stores and the bridge's log. */
export function bodyOf(
  s: LessonState,
  slug: LessonSlug,
  run: { seed: number; log: readonly LogEntry[]; t: number },
): LessonBody {
  const entry: LessonProgress | null =
    s.status?.slug === slug
      ? {
          step: s.status.step,
          seed: run.seed,
          log: run.log.length <= MAX_LOG ? run.log : [],
          t: run.t,
          predictions: s.predictions,
          hints: s.hints,
          cards: s.cards,
          uiDone: s.uiDone,
          quiz: s.quiz,
        }
      : null;
  return { entry, finished: s.finished.includes(slug), reached: s.reached[slug] ?? null };
}

/** Every lesson's record as one progress object (a progress file holds it). */
export function progressOf(
  records: ReadonlyMap<LessonSlug, StoredLesson>,
  current: LessonSlug | null,
): Progress {
  const lessons: Partial<Record<LessonSlug, LessonProgress>> = {};
  const reached: Partial<Record<LessonSlug, number>> = {};
  const finished: LessonSlug[] = [];
  for (const slug of LESSON_SLUGS) {
    const r = records.get(slug);
    if (!r) continue;
    if (r.entry) lessons[slug] = r.entry;
    if (r.reached !== null) reached[slug] = r.reached;
    if (r.finished) finished.push(slug);
  }
  return {
    v: PROGRESS_VERSION,
    current: current && lessons[current] ? current : null,
    lessons,
    finished,
    reached,
  };
}
