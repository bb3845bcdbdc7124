import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { lacking, type Surface } from '../../content/controls';
import { highlightKeys } from '../../content/highlight-keys';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { presenterStore, questionId } from '../../features/presenter/presenter-store';
import { classStore, holdVerdict } from '../../features/class/class-store';
import { useT } from '../hooks';
import { useArrival } from './use-arrival';
import { HintsBlock } from './HintsBlock';
import { PredictionBlock } from './PredictionBlock';
import { RichText } from './RichText';
import { SeenElsewhere, TaskElsewhere } from './Elsewhere';
import { StepCard } from './StepCard';
import { StepNav } from './StepNav';
import { StepNotes } from './StepNotes';
import { StepTools } from './StepTools';
import { TaskChecks } from './TaskChecks';
import { useLessonText } from './use-lesson-text';
import { useUiTask } from './use-ui-task';

/**
 * One step: predict (answered before the reveal), the task with its checks, hints and "show
 * me", then what to look at and why, with the step's sources and uncertainty notes.
 */
export function StepView({
  slug,
  surface = 'app',
}: {
  readonly slug: LessonSlug;
  /** Where the step is shown: a task it lacks the controls for is offered as "show me". */
  readonly surface?: Surface;
}) {
  const t = useT();
  const { tx } = useLessonText(slug);
  const status = useStore(lessonStore, (s) => (s.status?.slug === slug ? s.status : null));
  const k = status?.step ?? 0;
  const arrival = useArrival<HTMLHeadingElement>(k);
  const step = CONTENT[slug].steps[k];
  const predicted = useStore(lessonStore, (s) => s.predictions[k]);
  // Presenting, the teacher's reveal (`a`) shows what to look at: the room predicts first.
  const shownByTeacher = useStore(
    presenterStore,
    (s) => s.mode === 'presenter' && s.revealed.includes(questionId(slug, k)),
  );
  // A student in a live class: the answer's explanation waits for the teacher's reveal too.
  const held = useStore(classStore, holdVerdict);
  useUiTask(k, status ? step?.ui : undefined);
  if (!status || !step) {
    return (
      <p className="ls-wait" role="status">
        {t('lessons.starting')}
      </p>
    );
  }
  const n = k + 1;
  const asked = step.predict.choices > 0;
  const revealed = !asked || ((predicted !== undefined || shownByTeacher) && !held);
  const cannot = lacking(surface, step.uses);
  const unseen = lacking(surface, step.sees);
  return (
    <article
      className="ls-step"
      data-testid="lesson-step"
      data-step={n}
      data-highlights={highlightKeys(step.highlights).join(' ')}
      data-uses={(step.uses ?? []).join(' ')}
      data-sees={(step.sees ?? []).join(' ')}
      aria-labelledby="ls-step-title"
    >
      <div className="ls-progress">
        <p id="ls-step-count">{t('lessons.step.count', { n, total: status.steps })}</p>
        <progress max={status.steps} value={n} aria-labelledby="ls-step-count" />
      </div>
      <h3 id="ls-step-title" ref={arrival} tabIndex={-1}>
        {tx(lessonKey.step.title(slug, n))}
      </h3>
      {step.predict.choices > 0 ? (
        <PredictionBlock slug={slug} k={k} predict={step.predict} chosen={predicted} tx={tx} />
      ) : null}
      <section className="ls-block" aria-labelledby="ls-task">
        <h4 id="ls-task">{t('lessons.task')}</h4>
        {cannot.length > 0 ? (
          <TaskElsewhere missing={cannot} offerShowMe={false} />
        ) : (
          <p>
            <RichText text={tx(lessonKey.step.task(slug, n))} />
          </p>
        )}
        <TaskChecks slug={slug} k={k} step={step} met={status.met} revealed={revealed} tx={tx} />
        {cannot.length > 0 ? null : <HintsBlock slug={slug} k={k} count={step.hints} tx={tx} />}
        <StepTools k={k} playing={status.scriptLeft > 0} />
      </section>
      {step.card ? <StepCard slug={slug} k={k} tx={tx} /> : null}
      {revealed ? (
        <section className="ls-block" aria-labelledby="ls-observe">
          <h4 id="ls-observe">{t('lessons.observe')}</h4>
          <p>
            <RichText text={tx(lessonKey.step.observe(slug, n))} />
          </p>
          {unseen.length > 0 ? <SeenElsewhere missing={unseen} /> : null}
          <h4>{t('lessons.explain')}</h4>
          <p>
            <RichText text={tx(lessonKey.step.explain(slug, n))} />
          </p>
        </section>
      ) : (
        <p className="ls-muted" data-testid="reveal-after">
          {t(
            held && predicted !== undefined ? 'lessons.revealAfterTeacher' : 'lessons.revealAfter',
          )}
        </p>
      )}
      <StepNotes slug={slug} k={k} step={step} tx={tx} />
      <StepNav k={k} steps={status.steps} step={step} met={status.met} />
    </article>
  );
}
