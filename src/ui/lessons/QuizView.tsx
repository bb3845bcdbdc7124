import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT, type QuizQuestion } from '../../content';
import { lessonKey } from '../../content/keys';
import { answerQuiz, finishLesson, lessonStore, setLessonPage } from '../../store/lesson-store';
import { useT } from '../hooks';
import { useArrival } from './use-arrival';
import { RichText } from './RichText';
import { useLessonText, type Tx } from './use-lesson-text';

/** The lesson's quiz: each answer is marked right or wrong at once, with why. */
export function QuizView({ slug }: { readonly slug: LessonSlug }) {
  const arrival = useArrival<HTMLHeadingElement>(slug, true);
  const t = useT();
  const { tx } = useLessonText(slug);
  const answers = useStore(lessonStore, (s) => s.quiz);
  const quiz = CONTENT[slug].quiz;
  const answered = quiz.filter((_, i) => answers[i] !== undefined).length;
  const right = quiz.filter((q, i) => answers[i] === q.answer).length;
  return (
    <section className="ls-quiz" data-testid="lesson-quiz" aria-labelledby="ls-quiz-title">
      <h3 id="ls-quiz-title" ref={arrival} tabIndex={-1}>
        {t('lessons.quiz.title')}
      </h3>
      <p className="ls-muted">{t('lessons.quiz.intro', { total: quiz.length })}</p>
      {quiz.map((q, i) => (
        <QuizItem key={i} slug={slug} index={i} q={q} chosen={answers[i]} tx={tx} />
      ))}
      <p className="ls-score" role="status" data-testid="quiz-score">
        {t('lessons.quiz.score', { right, answered, total: quiz.length })}
      </p>
      <nav className="ls-nav" aria-label={t('lessons.nav')}>
        <button type="button" data-testid="step-back" onClick={() => setLessonPage('step')}>
          {t('lessons.quiz.back')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="quiz-finish"
          onClick={() => {
            finishLesson(slug);
            setLessonPage('finish');
          }}
        >
          {answered < quiz.length ? t('lessons.quiz.finishEarly') : t('lessons.quiz.finish')}
        </button>
      </nav>
    </section>
  );
}

function QuizItem(props: {
  readonly slug: LessonSlug;
  readonly index: number;
  readonly q: QuizQuestion;
  readonly chosen: number | undefined;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, index, q, chosen, tx } = props;
  const n = index + 1;
  const choices = Array.from({ length: q.choices }, (_, c) => c + 1);
  const why = (c: number) => <RichText text={tx(lessonKey.quiz.why(slug, n, c))} />;
  return (
    <fieldset className="ls-block ls-question" data-testid={`quiz-question-${n}`}>
      <legend>
        <span className="ls-label">{t('lessons.quiz.number', { n })}</span>{' '}
        <RichText text={tx(lessonKey.quiz.question(slug, n))} />
      </legend>
      {choices.map((c) => (
        <label key={c} className="ls-choice">
          <input
            type="radio"
            name={`ls-quiz-${slug}-${n}`}
            value={c}
            checked={chosen === c}
            disabled={chosen !== undefined}
            data-testid={`quiz-choice-${n}-${c}`}
            onChange={() => answerQuiz(index, c)}
          />
          <span>
            <RichText text={tx(lessonKey.quiz.choice(slug, n, c))} />
          </span>
        </label>
      ))}
      {chosen !== undefined ? (
        <div className="ls-answer" role="status">
          <p className={chosen === q.answer ? 'ls-right' : 'ls-wrong'}>
            <strong>
              {chosen === q.answer ? t('lessons.quiz.right') : t('lessons.quiz.wrong')}
            </strong>{' '}
            {why(chosen)}
          </p>
          {chosen !== q.answer ? (
            <p>
              <strong>{t('lessons.quiz.rightWas', { n: q.answer })}</strong> {why(q.answer)}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
