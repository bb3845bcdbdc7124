import { controls } from '../../store/controls';
import { pushInput } from '../../store/input-store';
import { lessonStore, setLessonPage } from '../../store/lesson-store';

/** The lesson step shown in the embed (0-based) and how many there are, or null. */
export function currentStep(): { readonly step: number; readonly steps: number } | null {
  const s = lessonStore.getState();
  const status = s.slug && s.status?.slug === s.slug ? s.status : null;
  return status ? { step: status.step, steps: status.steps } : null;
}

/**
 * Go to lesson step `k` (0-based) as a learner would: forward is Next pressed until there (each
 * step mark logged at this instant), back stands where that step began in this run (or, if this
 * run never passed it, replays the lesson to it as a deep link does). False when there is no such
 * step, or no lesson yet.
 */
export function gotoStep(k: number): boolean {
  const s = lessonStore.getState();
  const status = s.slug && s.status?.slug === s.slug ? s.status : null;
  if (!s.slug || !status || !Number.isInteger(k) || k < 0 || k >= status.steps) return false;
  if (s.page !== 'step') setLessonPage('step');
  if (k > status.step) {
    for (let step = status.step + 1; step <= k; step++) pushInput({ type: 'lesson.step', step });
  } else if (k < status.step) {
    const back =
      status.markers[k] !== undefined ? controls.rewindToStep(k) : controls.startLesson(s.slug, k);
    void back.catch(() => undefined);
  }
  return true;
}
