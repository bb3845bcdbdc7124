import {
  PROGRESS_STORE_VERSION,
  type LessonProgress,
  type LessonSlug,
  type Progress,
  type StoredLesson,
} from '../contract';
import { inputStore } from '../store/input-store';
import { lessonStore, type ProgressAsk } from '../store/lesson-store';
import { playbackStore } from '../store/playback-store';
import {
  bodyFromProgress,
  bodyOf,
  hasAside,
  isLocalArea,
  lessonIO,
  progressOf,
  readRecord,
  readStore,
  recordKey,
  removeRecord,
  setAside,
  slugOfKey,
} from '../store/progress';
import { ProgressSync, type LessonBody, type SaveResult } from '../store/progress-sync';
import type * as ProgressChecks from '../contract/validate/progress';
import { LESSON_BOUNDS } from './lesson-bounds';

/** A failed write is tried again after 1 s, 2 s, 4 s … at most this far apart (and at every save). */
const MAX_RETRY_MS = 30_000;

const pageId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * This page's share of the browser's saved progress (issue 11, F3–F7): what every lesson's newest
 * record is (read at start, then kept current by `storage` events from other tabs), writes that
 * never go over a record this page has not seen (ProgressSync), the lesson whose writes wait for
 * the learner's choice, and failed writes retried with backoff while the page says so.
 */
export class ProgressKeeper {
  private readonly records = new Map<LessonSlug, StoredLesson>();
  readonly sync = new ProgressSync(lessonIO, pageId(), (slug, record) =>
    this.records.set(slug, record),
  );
  /** Writes of this lesson wait for the learner's answer to `lessonStore.ask`. */
  private held: LessonSlug | null = null;
  /** "Start from the link": this lesson's first state is not written; what the learner does next is. */
  private quiet: LessonSlug | null = null;
  private retryMs = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private checks: typeof ProgressChecks | null = null;
  private heard: Promise<void> = Promise.resolve();

  constructor(
    /** What a retry does (the session saves its live lesson, which sends the rest too). */
    private readonly onRetry: () => void,
  ) {}

  /** The state of the lesson shown here, from the stores and the bridge's log. */
  readonly bodyOf = bodyOf;

  /** Read this browser's saved progress (before any lesson opens), and hear other tabs from then on. */
  async restore(): Promise<void> {
    const { lessons, setAside, asideField } = await readStore(LESSON_BOUNDS);
    // Something was saved: the checks are loaded already (readStore); keep them at hand.
    if (Object.keys(lessons).length > 0) await this.load();
    for (const [slug, kept] of Object.entries(lessons) as [
      LessonSlug,
      (typeof lessons)[LessonSlug],
    ][]) {
      if (!kept) continue;
      this.records.set(slug, kept.record);
      this.sync.know(slug, kept.text, kept.record);
    }
    this.publish(
      setAside
        ? { key: 'lessons.notice.corruptAt', params: { field: asideField ?? '' } }
        : undefined,
    );
    addEventListener('storage', (e) => {
      if (!isLocalArea(e.storageArea)) return;
      const slug = e.key === null ? null : slugOfKey(e.key);
      if (e.key !== null && slug === null) return;
      this.heard = this.heard.then(() => this.hear(slug)).catch(() => undefined);
    });
  }

  /** The newest saved state of a lesson this page knows. */
  saved(slug: LessonSlug): LessonProgress | null {
    return this.records.get(slug)?.entry ?? null;
  }

  /**
   * Every lesson's newest record, as a progress file holds it; the lesson this page shows as it
   * stands (`live`), saved or not yet (unless it waits for the learner's choice).
   */
  progress(current: LessonSlug | null, live: LessonBody | null): Progress {
    const records = new Map(this.records);
    if (current && live?.entry && this.held !== current) records.set(current, unwritten(live));
    return progressOf(records, current);
  }

  /**
   * A lesson opens in a state that is not the learner's work (a fresh start, a link's step): its
   * record is written once they change something, not before (so merely opening a lesson, in a
   * tab or an embed, never replaces a record nor tells the other tabs it changed).
   */
  quietly(slug: LessonSlug): void {
    if (this.held !== slug) this.quiet = slug;
  }

  /** What the learner does (an answer, an input, play) ends a lesson's quiet opening. */
  watchActs(): void {
    const acted = () => (this.quiet = null);
    inputStore.subscribe((s, prev) => {
      if (s.queue.length > prev.queue.length) acted();
    });
    playbackStore.subscribe((s, prev) => {
      if (s.playing && !prev.playing) acted();
    });
    lessonStore.subscribe((s, prev) => {
      const answered =
        s.predictions !== prev.predictions ||
        s.quiz !== prev.quiz ||
        s.hints !== prev.hints ||
        s.cards !== prev.cards ||
        s.uiDone !== prev.uiDone;
      if (answered) acted();
    });
  }

  /** Write nothing of `slug` until the learner answers `ask`. */
  hold(ask: ProgressAsk): void {
    this.held = ask.slug;
    this.quiet = null;
    lessonStore.setState({ ask });
  }

  /** The learner answered: writes of the lesson go on (from what storage holds now). */
  release(opts: { quiet?: boolean } = {}): void {
    const slug = this.held;
    this.held = null;
    if (slug) {
      this.take(slug);
      this.quiet = opts.quiet ? slug : null;
    }
    // Last: the store's subscribers save at once.
    lessonStore.setState({ ask: null });
  }

  /** Save the lesson this page shows (nothing while held); also retries what failed before. */
  save(slug: LessonSlug | null, body: LessonBody | null): void {
    let r: SaveResult = 'same';
    if (slug && body?.entry && slug !== this.held) {
      // The state a lesson opens in is not the learner's: the record stays until they act.
      if (this.quiet === slug) this.sync.baseline(slug, body);
      else r = this.sync.save(slug, body);
      if (r === 'conflict') this.heard = this.heard.then(() => this.hear(slug));
    }
    const rest = this.sync.flush();
    this.failed(r === 'failed' || rest === 'failed' || this.sync.waiting);
  }

  /** Put a progress file in place: each lesson it names replaces this browser's record. */
  async adopt(p: Progress): Promise<void> {
    const checks = await this.load();
    for (const slug of Object.keys(LESSON_BOUNDS) as LessonSlug[]) {
      const body = bodyFromProgress(p, slug);
      if (!body) continue;
      // The learner chose this file: it goes over whatever any tab saved.
      const text = lessonIO.get(slug);
      this.sync.know(slug, text, readRecord(checks, text, slug, LESSON_BOUNDS));
      // Shown at once; a write the browser refuses stays pending and is retried.
      if (this.sync.save(slug, body) === 'failed') this.records.set(slug, unwritten(body));
    }
    if (this.held && bodyFromProgress(p, this.held)) this.release();
    this.failed(this.sync.waiting);
    this.publish();
  }

  /** Forget every lesson's progress (the lesson list's "reset progress"). */
  reset(): void {
    for (const slug of Object.keys(LESSON_BOUNDS) as LessonSlug[]) {
      removeRecord(slug);
      this.sync.know(slug, null, null);
    }
    this.records.clear();
    this.held = null;
    this.quiet = null;
    this.failed(false);
    lessonStore.setState({ ask: null, finished: [], reached: {} });
  }

  /** Storage holds what this page knows of the lesson: take it as the base of the next write. */
  private take(slug: LessonSlug): void {
    const text = lessonIO.get(slug);
    if (!this.checks && text !== null) return; // nothing read yet: nothing to take
    const record = this.checks ? readRecord(this.checks, text, slug, LESSON_BOUNDS) : null;
    // What cannot be read is kept aside (once) before this page may write over it.
    if (text !== null && !record) setAside(text, recordKey(slug));
    this.sync.know(slug, text, record);
    if (record) this.records.set(slug, record);
    else this.records.delete(slug);
  }

  private async load() {
    this.checks ??= await import('../contract/validate/progress');
    return this.checks;
  }

  /**
   * Another tab changed a lesson's record (or, with null, any): this page's view of other lessons
   * follows; when it is the lesson shown here, the learner is asked, and nothing is written.
   */
  private async hear(changed: LessonSlug | null): Promise<void> {
    const checks = await this.load();
    const shown = lessonStore.getState().slug;
    const slugs = changed ? [changed] : (Object.keys(LESSON_BOUNDS) as LessonSlug[]);
    let aside = false;
    for (const slug of slugs) {
      if (this.sync.upToDate(slug)) continue;
      const text = lessonIO.get(slug);
      const record = readRecord(checks, text, slug, LESSON_BOUNDS);
      // A record this page cannot read (another version of the lab wrote it) is kept aside
      // before anything here may write over it.
      if (text !== null && !record) aside = setAside(text, recordKey(slug)) || aside;
      if (record) this.records.set(slug, record);
      else this.records.delete(slug);
      if (slug !== shown) {
        this.sync.know(slug, text, record);
        continue;
      }
      const ask = lessonStore.getState().ask;
      if (ask?.kind === 'link' && ask.slug === slug && record?.entry) {
        this.sync.know(slug, text, record);
        lessonStore.setState({ ask: { ...ask, saved: record.entry.step } });
      } else if (ask?.kind === 'link' && ask.slug === slug) this.release();
      else this.hold({ kind: 'tab', slug, step: record?.entry?.step ?? null });
    }
    this.publish(aside ? { key: 'lessons.notice.corrupt' } : undefined);
  }

  /** The lesson list's view (finished, reached) from the records; a notice when given. */
  private publish(notice?: { key: string; params?: Record<string, string> }): void {
    const s = lessonStore.getState();
    const finished = new Set(s.finished);
    const reached = { ...s.reached };
    for (const slug of Object.keys(LESSON_BOUNDS) as LessonSlug[]) {
      const r = this.records.get(slug);
      if (slug === s.slug && this.held !== slug) continue; // the live lesson is this page's own
      if (r?.finished) finished.add(slug);
      else finished.delete(slug);
      if (r?.reached !== null && r?.reached !== undefined) reached[slug] = r.reached;
      else delete reached[slug];
    }
    lessonStore.setState({
      finished: [...finished],
      reached,
      aside: hasAside(),
      ...(notice ? { notice } : {}),
    });
  }

  /** Say whether the last write failed; retry with backoff while it does. */
  private failed(failing: boolean): void {
    if (lessonStore.getState().saveFailed !== failing)
      lessonStore.setState({ saveFailed: failing });
    if (!failing) {
      this.retryMs = 0;
      if (this.retryTimer !== null) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      return;
    }
    if (this.retryTimer !== null) return;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs ? this.retryMs * 2 : 1000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.onRetry();
    }, this.retryMs);
  }
}

/** A record not yet written (the browser refused it): the page still shows it. */
function unwritten(body: LessonBody): StoredLesson {
  return { v: PROGRESS_STORE_VERSION, rev: 0, by: '', ...body };
}
