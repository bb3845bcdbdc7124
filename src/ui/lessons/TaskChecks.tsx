import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import type { StepContent } from '../../content';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { setPlaying } from '../../store/playback-store';
import { useT } from '../hooks';
import { RichText } from './RichText';
import { uiParts } from './use-ui-task';
import { useWatch } from './use-watch';
import type { Tx } from './use-lesson-text';

const NONE: readonly string[] = [];

/**
 * What the step checks: each machine goal (from the worker, latched once it held), the page
 * task (each thing it names to select), and, for a step about something over time, that the
 * machine ran — each waiting or done ✓. Their state shows once the prediction is answered. While
 * a check waits on the machine and the clock is stopped, the step asks for Play.
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
  const seen = useStore(uiParts, (s) => (s.step === k ? s.seen : NONE));
  const watch = useWatch(k, step);
  if (step.goals.length === 0 && !step.ui && !watch.needed) return null;
  const state = (done: boolean) =>
    revealed
      ? done
        ? t('lessons.goal.done')
        : t('lessons.goal.waiting')
      : t('lessons.goal.hidden');
  const machineWaits =
    (watch.needed && !watch.done) || (watch.acted && step.goals.some((_, i) => !met[i]));
  const each = step.ui?.kind === 'select' ? step.ui.each : undefined;
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
            data-task={
              step.ui.kind === 'open-card'
                ? 'open-card'
                : each
                  ? `select-each:${each.join(' ')}`
                  : `select:${step.ui.what}`
            }
            className={revealed && uiDone ? 'is-done' : undefined}
          >
            <span className="ls-state">{state(uiDone)}</span>{' '}
            {step.ui.kind === 'open-card'
              ? t('lessons.ui.openCard')
              : each
                ? t('lessons.ui.selectEach')
                : t(`lessons.ui.select.${step.ui.what}`)}
            {each ? (
              <ul className="ls-parts">
                {each.map((code) => {
                  const done = uiDone || seen.includes(code);
                  return (
                    <li
                      key={code}
                      data-testid="ui-part"
                      data-target={code}
                      data-done={String(done)}
                      className={revealed && done ? 'is-done' : undefined}
                    >
                      <span className="ls-state">{state(done)}</span> {partName(t, code)}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ) : null}
        {watch.needed ? (
          <li
            data-testid="watch-task"
            data-done={String(watch.done)}
            className={revealed && watch.done ? 'is-done' : undefined}
          >
            <span className="ls-state">{state(watch.done)}</span>{' '}
            {t('lessons.watch', { ms: step.watchMs ?? 0 })}
          </li>
        ) : null}
      </ul>
      {machineWaits && watch.paused ? (
        <p className="ls-play-prompt" role="status" data-testid="play-prompt">
          {t('lessons.playPrompt')}{' '}
          <button type="button" className="primary" onClick={() => setPlaying(true)}>
            {t('controls.play')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** A thing to select, named as the machine view names it (`cpu:2` → "CPU 2"). */
function partName(t: ReturnType<typeof useT>, code: string): string {
  const [kind, id] = code.split(':');
  if (kind === 'cpu') return t('lessons.ui.part.cpu', { id: id ?? '' });
  if (kind === 'memory') return t('lessons.ui.part.memory');
  return code;
}
