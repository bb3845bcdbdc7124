import {
  PROGRESS_STORE_VERSION,
  type LessonProgress,
  type LessonSlug,
  type StoredLesson,
} from '../contract';

/** What a page keeps of one lesson: its saved state, and its place in the lesson list. */
export interface LessonBody {
  readonly entry: LessonProgress | null;
  readonly finished: boolean;
  readonly reached: number | null;
}

/** The text of one lesson's record in storage, read and written whole. */
export interface RecordIO {
  get(slug: LessonSlug): string | null;
  /** Throws when the browser refuses (storage full or blocked). */
  set(slug: LessonSlug, text: string): void;
}

/**
 * - `written`: stored now; `same`: storage already holds this body;
 * - `conflict`: another page wrote this lesson since this page last read it (nothing written);
 * - `failed`: the browser refused (kept, and written by the next `flush`).
 */
export type SaveResult = 'written' | 'same' | 'conflict' | 'failed';

/** An entry in a fixed field order, so the same state always gives the same text. */
function entryOf(e: LessonProgress): LessonProgress {
  return {
    step: e.step,
    seed: e.seed,
    log: e.log,
    t: e.t,
    predictions: e.predictions,
    hints: e.hints,
    cards: e.cards,
    uiDone: e.uiDone,
    quiz: e.quiz,
  };
}

/** The body as text: what decides whether anything changed. */
export function bodyText(b: LessonBody): string {
  return JSON.stringify({
    entry: b.entry ? entryOf(b.entry) : null,
    finished: b.finished,
    reached: b.reached,
  });
}

export function recordOf(rev: number, by: string, b: LessonBody): StoredLesson {
  return {
    v: PROGRESS_STORE_VERSION,
    rev,
    by,
    entry: b.entry ? entryOf(b.entry) : null,
    finished: b.finished,
    reached: b.reached,
  };
}

interface Known {
  /** The record's text as this page last read or wrote it (null: there was none). */
  readonly text: string | null;
  readonly rev: number;
  /** `bodyText` of that record ('' when none), or of the state taken as its `baseline`. */
  readonly body: string;
}

const NONE: Known = { text: null, rev: 0, body: '' };

/**
 * One page's side of progress shared by every tab of the browser (issue 11, F3): each lesson is a
 * record of its own, and a page writes a lesson only over the record it last saw (a compare and
 * set on the record's text). When another page wrote since, the write is refused as a `conflict`
 * and the page asks the learner (it never overwrites a newer record on its own). Writes the
 * browser refused stay pending and go out with the next `flush`.
 */
export class ProgressSync {
  private readonly known = new Map<LessonSlug, Known>();
  private readonly pending = new Map<LessonSlug, LessonBody>();

  constructor(
    private readonly io: RecordIO,
    /** This page's id, written into its records. */
    readonly by: string,
    /** Told of every record this page writes. */
    private readonly written: (slug: LessonSlug, record: StoredLesson) => void = () => undefined,
  ) {}

  /**
   * What this page now knows of a lesson's record (read at start, heard from another page, or
   * taken by the learner's choice): the base of its next write. A pending write of this lesson
   * is dropped (the newer record wins).
   */
  know(slug: LessonSlug, text: string | null, record: StoredLesson | null): void {
    this.known.set(
      slug,
      record ? { text, rev: record.rev, body: bodyText(record) } : { ...NONE, text },
    );
    this.pending.delete(slug);
  }

  /**
   * Take `body` as what is saved, without writing it: a save writes only once the state differs
   * (a link's own starting state is not the learner's work; the record it would replace stays).
   */
  baseline(slug: LessonSlug, body: LessonBody): void {
    this.known.set(slug, { ...(this.known.get(slug) ?? NONE), body: bodyText(body) });
  }

  /** The record's revision as this page knows it (0: none). */
  rev(slug: LessonSlug): number {
    return (this.known.get(slug) ?? NONE).rev;
  }

  /** Whether storage holds what this page last knew of the lesson (no other page wrote since). */
  upToDate(slug: LessonSlug): boolean {
    return this.io.get(slug) === (this.known.get(slug) ?? NONE).text;
  }

  /** Whether a write of this lesson is waiting for the browser to take it. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** Save this page's state of a lesson: written unless nothing changed or another page wrote. */
  save(slug: LessonSlug, body: LessonBody): SaveResult {
    const known = this.known.get(slug) ?? NONE;
    if (bodyText(body) === known.body) {
      this.pending.delete(slug);
      return 'same';
    }
    if (!this.upToDate(slug)) return 'conflict';
    const record = recordOf(known.rev + 1, this.by, body);
    const text = JSON.stringify(record);
    try {
      this.io.set(slug, text);
    } catch {
      this.pending.set(slug, body);
      return 'failed';
    }
    this.know(slug, text, record);
    this.written(slug, record);
    return 'written';
  }

  /** Try again every write the browser refused; the worst result. */
  flush(): SaveResult {
    let worst: SaveResult = 'same';
    for (const [slug, body] of [...this.pending]) {
      const r = this.save(slug, body);
      if (r === 'failed' || (r === 'conflict' && worst !== 'failed')) worst = r;
      else if (r === 'written' && worst === 'same') worst = r;
      // A conflict leaves nothing pending: the other page's record is newer.
      if (r === 'conflict') this.pending.delete(slug);
    }
    return worst;
  }
}
