import type { ProjectedPage } from '../../contract';
import { lessonStore } from '../../store/lesson-store';
import { isRevealed, presenterStore, questionId, reveal } from './presenter-store';
import { chartsOf } from './projected-charts';

/**
 * What the presenter's window stands on, as the projector shows it: the lesson page, and the
 * question on it (the step's prediction, or the quiz) whose answer the reveal key shows.
 */
export function projectedNow(): { readonly page: ProjectedPage; readonly question: string | null } {
  const s = lessonStore.getState();
  const status = s.status && s.status.slug === s.slug ? s.status : null;
  if (!status) return { page: 'step', question: null };
  if (s.page === 'quiz') return { page: 'quiz', question: questionId(status.slug, 'quiz') };
  if (s.page === 'finish') return { page: 'finish', question: null };
  return { page: 'step', question: questionId(status.slug, status.step) };
}

/** Whether the step on screen points at its charts (its answer then flips with them). */
export function chartsNow(): boolean {
  const s = lessonStore.getState();
  const status = s.status && s.status.slug === s.slug ? s.status : null;
  return !!status && s.page === 'step' && chartsOf(status.slug, status.step) !== 'none';
}

/**
 * `a` in presenter mode: the answer to what is on screen now (a step's or the quiz's). Once
 * revealed, on a step that points at its charts, `a` again flips the projector between the
 * answer and the charts (both do not fit a projector beside the question).
 */
export function revealNow(): void {
  if (presenterStore.getState().mode !== 'presenter') return;
  const { question } = projectedNow();
  if (!question) return;
  if (!isRevealed(question)) reveal(question);
  else if (chartsNow())
    presenterStore.setState((s) => ({ chartsShown: s.chartsShown === question ? null : question }));
}

/** Whether the projector shows the revealed step's charts again, in its answer's place. */
export function chartsShownNow(): boolean {
  const { question } = projectedNow();
  return question !== null && presenterStore.getState().chartsShown === question && chartsNow();
}

/** Whether the answer to what is on screen now was revealed. */
export function revealedNow(): boolean {
  return isRevealed(projectedNow().question);
}
