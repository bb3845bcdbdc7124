import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT, LESSON_ORDER } from '../../content';
import { lessonKey } from '../../content/keys';
import { controls } from '../../store/controls';
import { lessonStore, setListOpen } from '../../store/lesson-store';
import { useT } from '../hooks';
import { useArrival } from './use-arrival';
import { RichText } from './RichText';
import { useLessonTexts } from './use-lesson-text';

/** The finish screen: what the lesson taught, the quiz score, and where to go next. */
export function FinishView({ slug }: { readonly slug: LessonSlug }) {
  const arrival = useArrival<HTMLHeadingElement>(slug, true);
  const t = useT();
  const next = LESSON_ORDER[LESSON_ORDER.indexOf(slug) + 1];
  const { tx } = useLessonTexts(next ? [slug, next] : [slug]);
  const answers = useStore(lessonStore, (s) => s.quiz);
  const quiz = CONTENT[slug].quiz;
  const right = quiz.filter((q, i) => answers[i] === q.answer).length;
  return (
    <section className="ls-finish" data-testid="lesson-finish" aria-labelledby="ls-finish-title">
      <h3 id="ls-finish-title" ref={arrival} tabIndex={-1}>
        {t('lessons.finish.title')}
      </h3>
      <h4>{t('lessons.finish.learnt')}</h4>
      <p>
        <RichText text={tx(slug, lessonKey.idea(slug))} />
      </p>
      <p>{t('lessons.finish.score', { right, total: quiz.length })}</p>
      <div className="ls-tools">
        {next ? (
          <button
            type="button"
            className="primary"
            data-testid="lesson-next"
            onClick={() => void controls.startLesson(next)}
          >
            {t('lessons.finish.next', { title: tx(next, lessonKey.title(next)) })}
          </button>
        ) : (
          <button type="button" aria-haspopup="dialog" onClick={() => setListOpen(true)}>
            {t('lessons.all')}
          </button>
        )}
        <button
          type="button"
          data-testid="lesson-open-sandbox"
          onClick={() => void controls.leaveLesson()}
        >
          {t('lessons.finish.sandbox')}
        </button>
      </div>
    </section>
  );
}
