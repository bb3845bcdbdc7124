import { PROGRESS_VERSION, type LessonSlug, type PresetId, type Progress } from '../contract';
import type { SimBridge } from '../bridge/sim-bridge';
import { CONTENT, LESSON_ORDER } from '../content';
import { lessonStore, initialLesson } from '../store/lesson-store';
import { LESSON_BOUNDS } from './lesson-bounds';
import { setPlaying } from '../store/playback-store';

import { readProgress, snapshotProgress, writeProgress } from '../store/progress';
import { simStore } from '../store/sim-store';

/** A lesson deep link (DESIGN §7): `?lesson=<slug>&step=<1-based>`. */
export type LessonRoute =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly slug: LessonSlug; readonly step: number | null }
  | { readonly kind: 'bad'; readonly what: 'lesson' | 'step'; readonly value: string };

export function readLessonRoute(search: string): LessonRoute {
  const q = new URLSearchParams(search);
  const slug = q.get('lesson');
  if (slug === null) return { kind: 'none' };
  if (!(LESSON_ORDER as readonly string[]).includes(slug)) {
    return { kind: 'bad', what: 'lesson', value: slug.slice(0, 60) };
  }
  const lesson = slug as LessonSlug;
  const stepText = q.get('step');
  if (stepText === null) return { kind: 'lesson', slug: lesson, step: null };
  const n = /^\d{1,3}$/.test(stepText) ? Number(stepText) : NaN;
  if (!(n >= 1 && n <= CONTENT[lesson].steps.length)) {
    return { kind: 'bad', what: 'step', value: stepText.slice(0, 20) };
  }
  return { kind: 'lesson', slug: lesson, step: n - 1 };
}

/** Keep the address bar on the lesson and step the learner is at (a reload returns there). */
function syncUrl(slug: LessonSlug | null, step: number | null): void {
  const url = new URL(location.href);
  if (slug) {
    url.searchParams.set('lesson', slug);
    if (step !== null) url.searchParams.set('step', String(step + 1));
  } else {
    url.searchParams.delete('lesson');
    url.searchParams.delete('step');
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

const SAVE_EVERY_MS = 500;

/**
 * Lessons on the page: starting one (fresh, from a deep link, or resumed from saved progress),
 * leaving it, and saving progress as the learner goes.
 */
export class LessonSession {
  private progress: Progress = {
    v: PROGRESS_VERSION,
    current: null,
    lessons: {},
    finished: [],
    reached: {},
  };
  private lastSave = 0;
  /** Nothing is written before the saved progress is read: it would overwrite it. */
  private restored = false;

  constructor(
    private readonly bridge: SimBridge,
    private readonly sandbox: { readonly preset: PresetId; readonly seed: number },
  ) {}

  /** Read this browser's saved progress (before `prepare`: a lesson route may resume it). */
  async restore(): Promise<void> {
    const { progress, ignored } = await readProgress(LESSON_BOUNDS);
    this.progress = progress;
    this.restored = true;
    lessonStore.setState({
      finished: progress.finished,
      reached: progress.reached,
      notice: ignored ? { key: 'lessons.notice.corrupt' } : null,
    });
  }

  /**
   * What the page opens with: the route's lesson (resumed when this browser saved that very
   * step, else replayed to the step's start), or the sandbox with a notice for a bad link.
   */
  prepare(route: LessonRoute): void {
    if (route.kind === 'bad') {
      lessonStore.setState({
        notice: { key: `lessons.notice.bad-${route.what}`, params: { value: route.value } },
        listOpen: true,
      });
      syncUrl(null, null);
      return;
    }
    if (route.kind !== 'lesson') return;
    const spec = this.spec(route.slug, route.step);
    this.bridge.prime(spec.start, spec.resume);
    this.enter(route.slug, spec.resumed);
  }

  /**
   * Open a lesson from a replay link: the bridge already holds the link's start spec and log;
   * the page enters the lesson fresh (the link carries the machine, not the learner's answers).
   */
  openReplay(slug: LessonSlug): void {
    this.enter(slug, null);
  }

  /** The progress as a file would hold it (the lesson running now saved first). */
  snapshot(): Progress {
    if (lessonStore.getState().slug) this.save(true);
    return this.progress;
  }

  /** Put imported progress in place of this browser's (it was checked whole before). */
  replace(p: Progress): void {
    this.progress = p;
    writeProgress(p);
    lessonStore.setState({ finished: p.finished, reached: p.reached });
  }

  async start(slug: LessonSlug, step?: number): Promise<void> {
    const spec = this.spec(slug, step ?? null);
    this.enter(slug, spec.resumed);
    await this.bridge.load(spec.start, spec.resume);
  }

  async leave(): Promise<void> {
    this.save(true);
    lessonStore.setState({ slug: null, status: null, page: 'list' });
    this.progress = { ...this.progress, current: null };
    if (this.restored) writeProgress(this.progress);
    syncUrl(null, null);
    await this.bridge.load({ scenario: this.sandbox.preset, seed: this.sandbox.seed });
  }

  private spec(slug: LessonSlug, step: number | null) {
    const saved = this.progress.lessons[slug];
    const resumable = saved && saved.log.length > 0 && (step === null || saved.step === step);
    const seed = saved?.seed ?? this.sandbox.seed;
    const start = {
      scenario: this.sandbox.preset,
      seed: resumable ? seed : this.sandbox.seed,
      lesson: slug,
      ...(!resumable && step !== null && step > 0 ? { step } : {}),
    };
    return {
      start,
      resume: resumable ? { log: saved.log, t: saved.t } : null,
      resumed: resumable ? saved : null,
    };
  }

  private enter(slug: LessonSlug, saved: Progress['lessons'][LessonSlug] | null): void {
    // A lesson opens paused: the learner predicts first, then acts.
    setPlaying(false);
    const s = lessonStore.getState();
    lessonStore.setState({
      ...initialLesson,
      finished: s.finished,
      reached: s.reached,
      notice: s.notice,
      slug,
      page: 'step',
      predictions: saved?.predictions ?? {},
      hints: saved?.hints ?? {},
      cards: saved?.cards ?? {},
      uiDone: saved?.uiDone ?? {},
      quiz: saved?.quiz ?? {},
    });
  }

  /** Save now (`force`) or at most every half second; also keeps the URL on the step. */
  save(force = false): void {
    if (!this.restored) return;
    const s = lessonStore.getState();
    const now = performance.now();
    if (!force && now - this.lastSave < SAVE_EVERY_MS) return;
    this.lastSave = now;
    if (s.slug && s.status?.slug === s.slug) syncUrl(s.slug, s.status.step);
    this.progress = snapshotProgress(this.progress, s, {
      seed: this.bridge.startSpec.seed,
      log: this.bridge.inputLog,
      t: simStore.getState().t,
    });
    writeProgress(this.progress);
  }

  /** Save as the learner goes, and once more when the page is hidden or closed. */
  watch(): void {
    lessonStore.subscribe((s, prev) => {
      // Every frame brings a fresh status object: save at once only when something the learner
      // did changed (a step, an answer), else at the usual pace.
      const changed =
        s.slug !== prev.slug ||
        s.status?.step !== prev.status?.step ||
        s.predictions !== prev.predictions ||
        s.quiz !== prev.quiz ||
        s.hints !== prev.hints ||
        s.cards !== prev.cards ||
        s.uiDone !== prev.uiDone ||
        s.finished !== prev.finished;
      this.save(changed);
    });
    simStore.subscribe((s, prev) => {
      if (s.t !== prev.t || s.logLength !== prev.logLength) this.save();
    });
    addEventListener('pagehide', () => this.save(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.save(true);
    });
  }
}
