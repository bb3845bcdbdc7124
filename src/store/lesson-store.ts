import type { LessonSlug, LessonStatus } from '../contract';
import { createStore } from 'zustand/vanilla';

/**
 * A choice about saved progress the page cannot make for the learner (issue 11, F3/F4): a link
 * (or the embed's "Open in Multikernel Lab") names another step than the one saved, or another
 * tab of this browser saved this lesson since. Until the learner answers, nothing is written over
 * the saved record. Steps are 0-based.
 */
export type ProgressAsk =
  | {
      readonly kind: 'link';
      readonly slug: LessonSlug;
      readonly saved: number;
      readonly link: number;
    }
  | { readonly kind: 'tab'; readonly slug: LessonSlug; readonly step: number | null };

/** Which part of the lesson panel shows. */
export type LessonPage = 'list' | 'step' | 'quiz' | 'finish';

/**
 * The lesson the learner is in, and their answers. `status` comes from the worker each frame
 * (step, each goal's state, where each step began); the rest is the page's own and is saved as
 * progress (src/store/progress.ts).
 */
export interface LessonState {
  /** The lesson running on the machine; null in the sandbox. */
  readonly slug: LessonSlug | null;
  /**
   * The lesson the address asks for, from the first render until the session follows it (it waits
   * for saved progress): the page is laid out for a lesson from the start, so nothing on screen
   * moves when the lesson arrives (issue 14, layout shift).
   */
  readonly opening: LessonSlug | null;
  readonly status: LessonStatus | null;
  readonly page: LessonPage;
  /** Whether the lesson list is open over the panel (from anywhere). */
  readonly listOpen: boolean;
  /** Something to tell the learner: a bad deep link, unreadable saved progress (a message key). */
  readonly notice: { readonly key: string; readonly params?: Record<string, string> } | null;
  /** Per step (0-based): the prediction chosen (1-based), hints shown, card opened, UI task done. */
  readonly predictions: Readonly<Record<number, number>>;
  readonly hints: Readonly<Record<number, number>>;
  readonly cards: Readonly<Record<number, boolean>>;
  readonly uiDone: Readonly<Record<number, boolean>>;
  /** Quiz answers by question (0-based) → choice (1-based). */
  readonly quiz: Readonly<Record<number, number>>;
  /** Lessons finished, and the highest step reached in each (for the list's progress). */
  readonly finished: readonly LessonSlug[];
  readonly reached: Readonly<Partial<Record<LessonSlug, number>>>;
  /** The glossary entry open in its dialog, if any. */
  readonly glossary: string | null;
  readonly ask: ProgressAsk | null;
  /** The last write of progress failed (storage full or blocked): it is being retried. */
  readonly saveFailed: boolean;
  /** Saved data the page could not read is kept aside in this browser (downloadable). */
  readonly aside: boolean;
}

export const initialLesson: LessonState = {
  slug: null,
  opening: null,
  status: null,
  page: 'list',
  listOpen: false,
  notice: null,
  predictions: {},
  hints: {},
  cards: {},
  uiDone: {},
  quiz: {},
  finished: [],
  reached: {},
  glossary: null,
  ask: null,
  saveFailed: false,
  aside: false,
};

export const lessonStore = createStore<LessonState>(() => initialLesson);

export function receiveLessonStatus(status: LessonStatus | null): void {
  const s = lessonStore.getState();
  // The worker sends a new object each frame; the same status is no change (nothing redraws).
  if (status === s.status || JSON.stringify(status) === JSON.stringify(s.status)) return;
  if (!status) {
    if (s.status) lessonStore.setState({ status: null });
    return;
  }
  const reached = Math.max(s.reached[status.slug] ?? 0, status.step);
  lessonStore.setState({
    status,
    ...(reached !== s.reached[status.slug]
      ? { reached: { ...s.reached, [status.slug]: reached } }
      : {}),
  });
}

/** Choose a prediction (once: the reveal follows it). */
export function predict(step: number, choice: number): void {
  const s = lessonStore.getState();
  if (s.predictions[step] !== undefined) return;
  lessonStore.setState({ predictions: { ...s.predictions, [step]: choice } });
}

export function showHint(step: number): void {
  const s = lessonStore.getState();
  lessonStore.setState({ hints: { ...s.hints, [step]: (s.hints[step] ?? 0) + 1 } });
}

export function openCard(step: number): void {
  const s = lessonStore.getState();
  lessonStore.setState({
    cards: { ...s.cards, [step]: true },
    uiDone: { ...s.uiDone, [step]: true },
  });
}

/** A UI task of the step held (e.g. the learner selected a message in the inspector). */
export function markUiDone(step: number): void {
  const s = lessonStore.getState();
  if (s.uiDone[step]) return;
  lessonStore.setState({ uiDone: { ...s.uiDone, [step]: true } });
}

export function answerQuiz(question: number, choice: number): void {
  const s = lessonStore.getState();
  if (s.quiz[question] !== undefined) return;
  lessonStore.setState({ quiz: { ...s.quiz, [question]: choice } });
}

export function setLessonPage(page: LessonPage): void {
  lessonStore.setState({ page });
}

export function setListOpen(listOpen: boolean): void {
  lessonStore.setState({ listOpen });
}

export function openGlossary(id: string | null): void {
  lessonStore.setState({ glossary: id });
}

export function dismissLessonNotice(): void {
  lessonStore.setState({ notice: null });
}

/** The learner finished the lesson's quiz: it counts as finished in the list. */
export function finishLesson(slug: LessonSlug): void {
  const s = lessonStore.getState();
  if (s.finished.includes(slug)) return;
  lessonStore.setState({ finished: [...s.finished, slug] });
}

/** Fold the step's card away again (its task stays done). */
export function closeCard(step: number): void {
  const s = lessonStore.getState();
  lessonStore.setState({ cards: { ...s.cards, [step]: false } });
}
