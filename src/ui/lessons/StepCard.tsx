import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { closeCard, lessonStore, openCard } from '../../store/lesson-store';
import { useT } from '../hooks';
import { hlAttrs, useHighlighted } from './highlights';
import { plainText } from './marks';
import { RichText } from './RichText';
import type { Tx } from './use-lesson-text';

/** A step's card (recovery, source, comparison): a disclosure; opening it is the step's task. */
export function StepCard(props: {
  readonly slug: LessonSlug;
  readonly k: number;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, k, tx } = props;
  const n = k + 1;
  const open = useStore(lessonStore, (s) => !!s.cards[k]);
  const highlighted = useHighlighted();
  const bodyId = `ls-card-${n}`;
  return (
    <section className="ls-card" {...hlAttrs('card', highlighted)}>
      <button
        type="button"
        className="ls-card-toggle"
        data-testid="card-toggle"
        data-control="card"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => (open ? closeCard(k) : openCard(k))}
      >
        <span className="ls-label">{t('lessons.card')}</span>{' '}
        {plainText(tx(lessonKey.step.cardTitle(slug, n)))}
      </button>
      <div id={bodyId} hidden={!open} className="ls-card-body">
        <p>
          <RichText text={tx(lessonKey.step.cardBody(slug, n))} />
        </p>
      </div>
    </section>
  );
}
