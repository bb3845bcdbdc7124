import type { ProjectedPage } from '../../contract';
import { lessonStore } from '../../store/lesson-store';
import { isRevealed, presenterStore, questionId, reveal } from './presenter-store';

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

/** `a` in presenter mode: the answer to what is on screen now (a step's or the quiz's). */
export function revealNow(): void {
  if (presenterStore.getState().mode !== 'presenter') return;
  const { question } = projectedNow();
  if (question) reveal(question);
}

/** Whether the answer to what is on screen now was revealed. */
export function revealedNow(): boolean {
  return isRevealed(projectedNow().question);
}
