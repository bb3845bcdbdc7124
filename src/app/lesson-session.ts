import {
  PROGRESS_VERSION,
  type LessonProgress,
  type LessonSlug,
  type PresetId,
  type Progress,
} from '../contract';
import type { SimBridge } from '../bridge/sim-bridge';
import { lessonStore, initialLesson } from '../store/lesson-store';
import { setPlaying } from '../store/playback-store';
import { simStore } from '../store/sim-store';
import type { ProgressKeeper } from './progress-keeper';
import { syncUrl, type LessonRoute } from './lesson-route';

const SAVE_EVERY_MS = 500;

/**
 * Lessons on the page: starting one (fresh, from a deep link, or resumed from saved progress),
 * leaving it, and saving progress as the learner goes (through `ProgressKeeper`, which shares it
 * with the browser's other tabs and never writes over what the learner has not chosen to replace).
 */
export class LessonSession {
  /** Loaded with the saved progress (`restore`): nothing of it weighs on the first view. */
  private keeper: ProgressKeeper | null = null;
  private lastSave = 0;
  /** Nothing is written before the saved progress is read: it would overwrite it. */
  private restored = false;
  /** A lesson's machine is loading: what the stores hold is not yet its state. */
  private loading = 0;
  /**
   * A lesson resuming from saved progress is not saved until its machine stands where it was
   * saved (on the way it passes states that are nobody's work, and writing them would tell the
   * other tabs this lesson changed).
   */
  private arriving: { readonly t: number; readonly log: number } | null = null;
  /** A lesson a replay link opened (before the saved progress was read). */
  private replayed: { readonly slug: LessonSlug; readonly step: number | null } | null = null;

  constructor(
    private readonly bridge: SimBridge,
    private readonly sandbox: { readonly preset: PresetId; readonly seed: number },
  ) {}

  /** Read this browser's saved progress (before `prepare`: a lesson route may resume it). */
  async restore(): Promise<void> {
    const { ProgressKeeper } = await import('./progress-keeper');
    const keeper = new ProgressKeeper(() => this.save(true));
    await keeper.restore();
    this.keeper = keeper;
    this.restored = true;
    this.settleReplay();
  }

  /**
   * What the page opens with: the route's lesson (resumed when this browser saved that very
   * step, else replayed to the step's start), or the sandbox with a notice for a bad link. A
   * link to another step than the saved one asks which the learner wants (issue 11, F4); the
   * link's step runs meanwhile, and nothing is written over the saved record.
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
    const saved = this.keeper?.saved(route.slug) ?? null;
    if (saved && route.step !== null && saved.step !== route.step) {
      this.keeper?.hold({ kind: 'link', slug: route.slug, saved: saved.step, link: route.step });
    }
    const spec = this.spec(route.slug, route.step);
    this.bridge.prime(spec.start, spec.resume);
    this.enter(route.slug, spec.resumed);
    this.arrive(route.slug, spec.resume);
  }

  /** Nothing is written of a lesson as it opens: only once the learner does something. */
  private arrive(
    slug: LessonSlug,
    resume: { readonly log: readonly unknown[]; readonly t: number } | null,
  ): void {
    this.arriving = resume ? { t: resume.t, log: resume.log.length } : null;
    if (!resume) this.keeper?.quietly(slug);
  }

  /**
   * The learner's answer to `lessonStore.ask`: `saved` opens what is saved (where they were, or
   * what another tab saved); `here` keeps what this page shows (the link's step, written once
   * the learner does something; or this tab's state, written now over the other tab's).
   */
  async choose(which: 'saved' | 'here'): Promise<void> {
    const ask = lessonStore.getState().ask;
    if (!ask) return;
    if (which === 'here') {
      this.keeper?.release({ quiet: ask.kind === 'link' });
      this.save(true);
      return;
    }
    // What this page shows is not saved on the way: the saved state replaces it.
    this.loading++;
    try {
      this.keeper?.release();
      await this.start(ask.slug);
    } finally {
      this.loading--;
    }
  }

  /**
   * Open a lesson from a replay link: the bridge already holds the link's start spec and log;
   * the page enters the lesson fresh (the link carries the machine, not the learner's answers).
   * Over saved progress of that lesson it asks, as a deep link does (once the progress is read).
   */
  openReplay(slug: LessonSlug, step: number | null): void {
    this.enter(slug, null);
    this.replayed = { slug, step };
    if (this.restored) this.settleReplay();
  }

  /** After `restore`: what a replay link opened waits for the learner like a deep link. */
  private settleReplay(): void {
    const r = this.replayed;
    this.replayed = null;
    if (!r || lessonStore.getState().slug !== r.slug) return;
    const saved = this.keeper?.saved(r.slug);
    if (saved)
      this.keeper?.hold({ kind: 'link', slug: r.slug, saved: saved.step, link: r.step ?? 0 });
    else this.keeper?.quietly(r.slug);
  }

  /** The progress as a file would hold it (the lesson running now saved first). */
  snapshot(): Progress {
    const slug = lessonStore.getState().slug;
    if (slug) this.save(true);
    const none: Progress = {
      v: PROGRESS_VERSION,
      current: null,
      lessons: {},
      finished: [],
      reached: {},
    };
    return this.keeper?.progress(slug, this.live()) ?? none;
  }

  /**
   * Put imported progress in place (it was checked whole before): every lesson the file names
   * replaces this browser's record; the lesson open here, when the file names it, reopens from
   * the file (the live state never goes over what was imported).
   */
  async replace(p: Progress): Promise<void> {
    // The live state is not saved meanwhile: it would go over what was just imported.
    this.loading++;
    try {
      await this.keeper?.adopt(p);
      const slug = lessonStore.getState().slug;
      if (slug && (p.lessons[slug] || p.finished.includes(slug) || p.reached[slug] !== undefined))
        await this.start(slug);
    } finally {
      this.loading--;
    }
  }

  /** Forget every lesson's progress (the lesson list's "reset progress"). */
  reset(): void {
    this.keeper?.reset();
    const s = lessonStore.getState();
    lessonStore.setState({
      predictions: {},
      hints: {},
      cards: {},
      uiDone: {},
      quiz: {},
      finished: [],
      reached: s.slug && s.status?.slug === s.slug ? { [s.slug]: s.status.step } : {},
    });
  }

  async start(slug: LessonSlug, step?: number): Promise<void> {
    const spec = this.spec(slug, step ?? null);
    this.loading++;
    this.enter(slug, spec.resumed);
    this.arrive(slug, spec.resume);
    try {
      await this.bridge.load(spec.start, spec.resume);
    } finally {
      this.loading--;
    }
  }

  async leave(): Promise<void> {
    this.save(true);
    lessonStore.setState({ slug: null, status: null, page: 'list' });
    if (lessonStore.getState().ask) this.keeper?.release();
    syncUrl(null, null);
    await this.bridge.load({ scenario: this.sandbox.preset, seed: this.sandbox.seed });
  }

  /**
   * How a lesson starts: resumed from its saved machine when that is the step asked for (or no
   * step is asked for), else replayed to the step asked for, or to the saved step.
   */
  private spec(slug: LessonSlug, step: number | null) {
    const saved = this.keeper?.saved(slug) ?? null;
    const resumable = saved && saved.log.length > 0 && (step === null || saved.step === step);
    const at = step ?? saved?.step ?? null;
    const start = {
      scenario: this.sandbox.preset,
      seed: resumable ? saved.seed : this.sandbox.seed,
      lesson: slug,
      ...(!resumable && at !== null && at > 0 ? { step: at } : {}),
    };
    // Answers come with the saved state unless a link asks for another step than the saved one.
    const answers = saved && (step === null || saved.step === step) ? saved : null;
    return {
      start,
      resume: resumable ? { log: saved.log, t: saved.t } : null,
      resumed: answers,
    };
  }

  private enter(slug: LessonSlug, saved: LessonProgress | null): void {
    // A lesson opens paused: the learner predicts first, then acts.
    setPlaying(false);
    const s = lessonStore.getState();
    lessonStore.setState({
      ...initialLesson,
      finished: s.finished,
      reached: s.reached,
      notice: s.notice,
      listOpen: s.listOpen,
      ask: s.ask,
      saveFailed: s.saveFailed,
      aside: s.aside,
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
    const sim = simStore.getState();
    if (this.arriving && (sim.t >= this.arriving.t || sim.logLength > this.arriving.log))
      this.arriving = null;
    this.keeper?.save(s.slug, this.live());
  }

  /** The lesson shown here as it stands, or null while its machine is not yet its own. */
  private live() {
    const s = lessonStore.getState();
    if (!s.slug || this.loading > 0 || this.arriving) return null;
    return (
      this.keeper?.bodyOf(s, s.slug, {
        seed: this.bridge.startSpec.seed,
        log: this.bridge.inputLog,
        t: simStore.getState().t,
      }) ?? null
    );
  }

  /** Save as the learner goes, and once more when the page is hidden or closed. */
  watch(): void {
    this.keeper?.watchActs();
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
