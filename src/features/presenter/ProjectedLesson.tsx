import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { lessonKey } from '../../content/keys';
import { closeCard, lessonStore, openCard } from '../../store/lesson-store';
import { useT } from '../../ui/hooks';
import { RichText } from '../../ui/lessons/RichText';
import { useLessonText, type Tx } from '../../ui/lessons/use-lesson-text';
import { Legend } from '../../ui/Legend';
import { Metrics } from '../../ui/metrics/Metrics';
import { presenterStore } from './presenter-store';
import { chartedWorkloads, chartsOf } from './projected-charts';
import { projectedNow, chartsShownNow } from './reveal-now';

/**
 * What the room is shown of the lesson: on the audience window, what the presenter's last state
 * said; on the presenter's own window (one screen), its own page, reveal and card.
 */
function useShown(): {
  readonly page: string;
  readonly revealed: boolean;
  readonly chartsShown: boolean;
  readonly card: boolean;
} {
  const audience = useStore(presenterStore, (s) => (s.mode === 'audience' ? s.onScreen : null));
  const page = useStore(lessonStore, () => projectedNow().page);
  const question = useStore(lessonStore, () => projectedNow().question);
  const revealed = useStore(presenterStore, (s) => !!question && s.revealed.includes(question));
  const flipped = useStore(presenterStore, (s) => !!question && s.chartsShown === question);
  const chartsShown = flipped && chartsShownNow();
  const card = useStore(lessonStore, (s) => (s.status ? s.cards[s.status.step] === true : false));
  return audience ?? { page, revealed, chartsShown, card };
}

/** A, B, C…: choices read aloud in a room ("most of you said B"). */
const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * A question and its choices, lettered; after the reveal the right one is marked in words
 * (not by colour alone) and the others fade.
 */
function Choices(props: {
  readonly count: number;
  readonly answer: number | null;
  readonly revealed: boolean;
  readonly text: (c: number) => string;
  readonly testId: string;
}) {
  const t = useT();
  return (
    <ol className="aud-choices" data-testid={props.testId}>
      {Array.from({ length: props.count }, (_, i) => {
        const right = props.revealed && props.answer === i + 1;
        const cls = props.revealed ? (right ? 'is-right' : 'is-other') : undefined;
        return (
          <li key={i} className={cls} data-right={right ? 'true' : undefined}>
            <span className="aud-letter">{letter(i)}</span>
            <span>
              <RichText text={props.text(i + 1)} />
              {right ? (
                <strong className="aud-mark"> {t('presenter.projected.right')}</strong>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A step on the projector: its prediction, then (revealed) what to look at and why; its card.
 * `charts`: the step's charts are shown under it, so a revealed answer is only its right choice
 * (what to look at and why are the other side of the teacher's flip).
 */
function ProjectedStep(props: { slug: LessonSlug; k: number; tx: Tx; charts: boolean }) {
  const { slug, k, tx, charts } = props;
  const t = useT();
  const shown = useShown();
  const own = useStore(presenterStore, (s) => s.mode === 'presenter');
  const step = CONTENT[slug].steps[k];
  if (!step) return null;
  const n = k + 1;
  const { choices, answer } = step.predict;
  return (
    <>
      {choices > 0 ? (
        <section className="aud-question" data-testid="projected-question">
          <h2>
            <RichText text={tx(lessonKey.step.predict(slug, n))} />
          </h2>
          <Choices
            count={choices}
            answer={answer}
            revealed={shown.revealed}
            text={(c) => tx(lessonKey.step.choice(slug, n, c))}
            testId="projected-choices"
          />
        </section>
      ) : (
        <section className="aud-question" data-testid="projected-task">
          <h2>{t('lessons.task')}</h2>
          <p>
            <RichText text={tx(lessonKey.step.task(slug, n))} />
          </p>
        </section>
      )}
      {step.card && (shown.card || own) ? (
        <section className="aud-card" data-testid="projected-card">
          <h2>
            {own ? (
              // One screen: the teacher opens the card here (it is the step's task).
              <button
                type="button"
                aria-expanded={shown.card}
                data-testid="projected-card-toggle"
                onClick={() => (shown.card ? closeCard(k) : openCard(k))}
              >
                {tx(lessonKey.step.cardTitle(slug, n))}
              </button>
            ) : (
              tx(lessonKey.step.cardTitle(slug, n))
            )}
          </h2>
          {shown.card ? (
            <p data-testid="projected-card-body">
              <RichText text={tx(lessonKey.step.cardBody(slug, n))} />
            </p>
          ) : null}
        </section>
      ) : null}
      {shown.revealed && !charts ? (
        <section className="aud-answer" data-testid="projected-answer">
          <h2>{t('lessons.observe')}</h2>
          <p>
            <RichText text={tx(lessonKey.step.observe(slug, n))} />
          </p>
          <h2>{t('lessons.explain')}</h2>
          <p>
            <RichText text={tx(lessonKey.step.explain(slug, n))} />
          </p>
        </section>
      ) : shown.revealed ? null : choices > 0 ? (
        <p className="aud-wait" data-testid="projected-predict-first">
          {t('presenter.projected.predictFirst')}
        </p>
      ) : null}
    </>
  );
}

/** The lesson's quiz on the projector: every question and its choices; answers on reveal. */
function ProjectedQuiz({ slug, tx }: { slug: LessonSlug; tx: Tx }) {
  const t = useT();
  const { revealed } = useShown();
  return (
    <section className="aud-question aud-quiz" data-testid="projected-quiz">
      <h2>{t('lessons.quiz.title')}</h2>
      {CONTENT[slug].quiz.map((q, i) => (
        <div key={i}>
          <h3>
            {i + 1}. <RichText text={tx(lessonKey.quiz.question(slug, i + 1))} />
          </h3>
          <Choices
            count={q.choices}
            answer={q.answer}
            revealed={revealed}
            text={(c) => tx(lessonKey.quiz.choice(slug, i + 1, c))}
            testId={`projected-quiz-${i + 1}`}
          />
        </div>
      ))}
    </section>
  );
}

/**
 * The projector's lesson side (issue 13: "the projector teaches on its own"): what the room is
 * asked, the answer once the teacher reveals it, the step's card, the legend and its charts
 * (last: on a full projector they are what gives way).
 * Never the teacher's notes: what is here is what the room may see.
 */
export function ProjectedLesson() {
  const status = useStore(lessonStore, (s) => s.status);
  const { page } = useShown();
  if (!status) return null;
  return <ProjectedPage slug={status.slug} k={status.step} page={page} />;
}

function ProjectedPage({ slug, k, page }: { slug: LessonSlug; k: number; page: string }) {
  const t = useT();
  const { tx } = useLessonText(slug);
  const { revealed, chartsShown } = useShown();
  // Its charts beside the question; revealed, the answer in their place until the teacher flips.
  const pointed = page === 'step' ? chartsOf(slug, k) : 'none';
  const charts = revealed && !chartsShown ? 'none' : pointed;
  return (
    <div className="aud-lesson" data-testid="projected-lesson">
      {page === 'quiz' ? (
        <ProjectedQuiz slug={slug} tx={tx} />
      ) : page === 'step' ? (
        <ProjectedStep slug={slug} k={k} tx={tx} charts={charts !== 'none'} />
      ) : null}
      <section className="aud-legend" aria-label={t('presenter.projected.legend')}>
        <Legend />
      </section>
      {charts !== 'none' ? (
        <section className={`aud-charts ${charts}`} data-testid="projected-charts">
          <Metrics only={chartedWorkloads(slug, k)} />
        </section>
      ) : null}
    </div>
  );
}
