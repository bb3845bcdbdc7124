import { controls } from '../../store/controls';
import { pushInput } from '../../store/input-store';
import { lessonStore, setLessonPage } from '../../store/lesson-store';
import { setPlaying } from '../../store/playback-store';

/** The step shown, if a lesson runs and the worker has said where it stands. */
function current() {
  const s = lessonStore.getState();
  const status = s.status && s.status.slug === s.slug ? s.status : null;
  return { s, status };
}

/** Next (→, PageDown, the Next button): the next step, or the quiz after the last step. */
export function nextStep(): void {
  const { s, status } = current();
  if (!s.slug || !status || s.page === 'quiz' || s.page === 'finish') return;
  if (status.step + 1 < status.steps) pushInput({ type: 'lesson.step', step: status.step + 1 });
  else setLessonPage('quiz');
}

/** Back (←, PageUp, the Back button): from the quiz to the last step, else the previous step. */
export function previousStep(): void {
  const { s, status } = current();
  if (!s.slug) return;
  if (s.page === 'quiz' || s.page === 'finish') {
    setLessonPage('step');
    return;
  }
  if (status && status.step > 0) void controls.rewindToStep(status.step - 1);
}

/** "Show me": play the step's script with the clock running, or jump to its end. */
export function showMe(jump: boolean): void {
  if (!jump) setPlaying(true);
  void controls.showMe(jump);
}
