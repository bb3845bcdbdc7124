import type { ClassQuestion, ClassTally } from '../../contract';
import { useClassT } from './use-class-t';
import { choiceLetter } from './tally-csv';

/**
 * The room's predictions for one question: how many chose each choice, how many answered of
 * those present; after the reveal the right choice is marked (in words, not by colour alone).
 * The same on the teacher's window, the projector and a student's device after the reveal.
 */
export function TallyBars(props: {
  readonly question: ClassQuestion;
  readonly tally: ClassTally | null;
}) {
  const t = useClassT();
  const { question } = props;
  const tally = props.tally?.question === question.id ? props.tally : null;
  const counts = tally?.counts ?? Array.from({ length: question.choices }, () => 0);
  const most = Math.max(1, ...counts);
  return (
    <figure className="cl-tally" data-testid="class-tally" data-answered={tally?.answered ?? 0}>
      <figcaption>
        {t('class.answered', { answered: tally?.answered ?? 0, present: tally?.present ?? 0 })}
      </figcaption>
      <ol aria-label={t('class.tally.label')}>
        {counts.map((count, i) => {
          const right = question.revealed && question.answer === i;
          return (
            <li key={i} className={right ? 'cl-right' : undefined} data-testid={`class-tally-${i}`}>
              <span className="cl-letter">
                {t('class.tally.choice', { letter: choiceLetter(i), count })}
              </span>
              <span className="cl-bar" style={{ inlineSize: `${(100 * count) / most}%` }} />
              {right ? <span className="cl-mark">{t('class.tally.right')}</span> : null}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
