import type { LessonSlug } from '../../contract';
import { lessonKey } from '../../content/keys';
import type { StepContent } from '../../content';
import { predict } from '../../store/lesson-store';
import { useT } from '../hooks';
import { useStore } from 'zustand';
import { classStore, holdVerdict } from '../../features/class/class-store';
import { plainText } from './marks';
import { RichText } from './RichText';
import type { Tx } from './use-lesson-text';

/**
 * The prediction: one radio group, answered once, before the step reveals what to look at.
 * After the answer it says whether the prediction matched, and the step goes on either way.
 */
export function PredictionBlock(props: {
  readonly slug: LessonSlug;
  readonly k: number;
  readonly predict: StepContent['predict'];
  readonly chosen: number | undefined;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, k, chosen, tx } = props;
  const n = k + 1;
  const { choices, answer } = props.predict;
  const name = `ls-predict-${slug}-${n}`;
  // In a live class the verdict waits for the teacher's reveal (the room answers first).
  const hold = useStore(classStore, holdVerdict);
  return (
    <fieldset className="ls-block ls-predict">
      <legend>
        <span className="ls-label">{t('lessons.predict')}</span>{' '}
        <RichText text={tx(lessonKey.step.predict(slug, n))} />
      </legend>
      {Array.from({ length: choices }, (_, i) => i + 1).map((c) => (
        <label key={c} className="ls-choice">
          <input
            type="radio"
            name={name}
            value={c}
            checked={chosen === c}
            disabled={chosen !== undefined}
            data-testid={`predict-choice-${c}`}
            onChange={() => predict(k, c)}
          />
          <span>
            <RichText text={tx(lessonKey.step.choice(slug, n, c))} />
          </span>
        </label>
      ))}
      {chosen !== undefined && hold ? (
        <p className="ls-muted" data-testid="predict-held">
          {t('lessons.predict.held')}
        </p>
      ) : chosen !== undefined ? (
        <p className="ls-verdict" role="status" data-testid="predict-verdict">
          {answer === null
            ? t('lessons.predict.noted')
            : chosen === answer
              ? t('lessons.predict.matched')
              : t('lessons.predict.missed', {
                  answer: plainText(tx(lessonKey.step.choice(slug, n, answer))),
                })}
        </p>
      ) : (
        <p className="ls-muted">{t('lessons.predict.first')}</p>
      )}
    </fieldset>
  );
}
