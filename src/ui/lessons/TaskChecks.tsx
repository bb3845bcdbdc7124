import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import type { StepContent } from '../../content';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../hooks';
import { RichText } from './RichText';
import type { Tx } from './use-lesson-text';

/**
 * What the step checks: each machine goal (from the worker, latched once it held) and the page
 * task, each waiting or done ✓. Their state shows once the prediction is answered.
 */
export function TaskChecks(props: {
  readonly slug: LessonSlug;
  readonly k: number;
  readonly step: StepContent;
  readonly met: readonly boolean[];
  readonly revealed: boolean;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, k, step, met, revealed, tx } = props;
  const uiDone = useStore(lessonStore, (s) => !!s.uiDone[k]);
  if (step.goals.length === 0 && !step.ui) return null;
  const state = (done: boolean) =>
    revealed
      ? done
        ? t('lessons.goal.done')
        : t('lessons.goal.waiting')
      : t('lessons.goal.hidden');
  return (
    <div className="ls-checks">
      <h5>{t('lessons.checks')}</h5>
      <ul>
        {step.goals.map((id, i) => {
          const done = !!met[i];
          return (
            <li
              key={id}
              data-testid={`goal-${id}`}
              data-met={String(done)}
              className={revealed && done ? 'is-done' : undefined}
            >
              <span className="ls-state">{state(done)}</span>{' '}
              <RichText text={tx(lessonKey.step.goal(slug, k + 1, id))} />
            </li>
          );
        })}
        {step.ui ? (
          <li
            data-testid="ui-task"
            data-done={String(uiDone)}
            data-task={step.ui.kind === 'open-card' ? 'open-card' : `select:${step.ui.what}`}
            className={revealed && uiDone ? 'is-done' : undefined}
          >
            <span className="ls-state">{state(uiDone)}</span>{' '}
            {step.ui.kind === 'open-card'
              ? t('lessons.ui.openCard')
              : t(`lessons.ui.select.${step.ui.what}`)}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
