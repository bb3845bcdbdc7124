import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { lessonStore, showHint } from '../../store/lesson-store';
import { useT } from '../hooks';
import { RichText } from './RichText';
import type { Tx } from './use-lesson-text';

/** Hints, one at a time: the button shows the next ("Hint 1 of 2"), the shown ones stay. */
export function HintsBlock(props: {
  readonly slug: LessonSlug;
  readonly k: number;
  readonly count: number;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, k, count, tx } = props;
  const shown = useStore(lessonStore, (s) => Math.min(count, s.hints[k] ?? 0));
  if (count === 0) return null;
  return (
    <div className="ls-hints">
      {shown > 0 ? (
        <ol className="ls-hint-list" aria-live="polite">
          {Array.from({ length: shown }, (_, i) => i + 1).map((h) => (
            <li key={h}>
              <span className="ls-label">{t('lessons.hint.label', { n: h, total: count })}</span>{' '}
              <RichText text={tx(lessonKey.step.hint(slug, k + 1, h))} />
            </li>
          ))}
        </ol>
      ) : null}
      {shown < count ? (
        <button type="button" data-testid="hint-button" onClick={() => showHint(k)}>
          {t('lessons.hint.show', { n: shown + 1, total: count })}
        </button>
      ) : null}
    </div>
  );
}
