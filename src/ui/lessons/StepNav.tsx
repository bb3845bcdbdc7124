import { useStore } from 'zustand';
import type { StepContent } from '../../content';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../hooks';
import { nextStep, previousStep } from './navigation';
import { useWatch } from './use-watch';

/**
 * Back and Next. Next is never blocked; it says so when the step's checks still wait, and after
 * the last step it leads to the quiz.
 */
export function StepNav(props: {
  readonly k: number;
  readonly steps: number;
  readonly step: StepContent;
  readonly met: readonly boolean[];
}) {
  const t = useT();
  const { k, steps, step, met } = props;
  const uiDone = useStore(lessonStore, (s) => !!s.uiDone[k]);
  const watch = useWatch(k, step);
  const waiting =
    step.goals.some((_, i) => !met[i]) || (!!step.ui && !uiDone) || (watch.needed && !watch.done);
  const last = k + 1 >= steps;
  const label = last ? t('lessons.next.quiz') : t('lessons.next');
  return (
    <nav className="ls-nav" aria-label={t('lessons.nav')}>
      <button type="button" data-testid="step-back" disabled={k === 0} onClick={previousStep}>
        {t('lessons.back')}
      </button>
      <button type="button" className="primary" data-testid="step-next" onClick={nextStep}>
        {waiting ? t('lessons.next.waiting', { label }) : label}
      </button>
    </nav>
  );
}
