import type { LessonSlug } from '../../contract';
import { CONTENT, type StepContent } from '../../content';
import { factSection } from '../../content/facts';
import { lessonKey } from '../../content/keys';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks';
import { RichText } from './RichText';
import type { Tx } from './use-lesson-text';

/**
 * Where the step's claims come from (sections of the facts), and what our sources leave
 * uncertain: the step's own note in full, and the lesson's notes — whole on its first step,
 * folded to one line marked "uncertain" on the others — each visibly labelled.
 */
export function StepNotes(props: {
  readonly slug: LessonSlug;
  readonly k: number;
  readonly step: StepContent;
  readonly tx: Tx;
}) {
  const t = useT();
  const { slug, k, step, tx } = props;
  const lesson = CONTENT[slug];
  const sources = step.sources?.length ? step.sources : lesson.sources;
  const whole = k === 0;
  const own = step.uncertain ? [lessonKey.step.uncertain(slug, k + 1)] : [];
  const general = Array.from({ length: lesson.uncertain }, (_, i) =>
    lessonKey.uncertain(slug, i + 1),
  );
  const notes = whole ? [...own, ...general] : own;
  const item = (key: string) => (
    <li key={key} data-key={key}>
      <span className="ls-badge is-uncertain">{t('lessons.uncertain')}</span>{' '}
      <RichText text={tx(key)} />
    </li>
  );
  return (
    <footer className="ls-notes">
      {notes.length > 0 || general.length > 0 ? (
        <section aria-labelledby="ls-uncertain" data-testid="lesson-uncertain">
          <h4 id="ls-uncertain">{t('lessons.uncertain.title')}</h4>
          {notes.length > 0 ? <ul>{notes.map(item)}</ul> : null}
          {whole || general.length === 0 ? null : (
            <details className="ls-folded" data-testid="lesson-uncertain-folded">
              <summary>
                <span className="ls-badge is-uncertain">{t('lessons.uncertain')}</span>{' '}
                {t('lessons.uncertain.folded', { n: general.length, step: 1 })}
              </summary>
              <ul>{general.map(item)}</ul>
            </details>
          )}
        </section>
      ) : null}
      {sources.length > 0 ? (
        <div className="ls-sources" data-testid="lesson-sources">
          <h4>{t('lessons.sources')}</h4>
          <ul>
            {sources.map((id) => (
              <li key={id}>
                <FactLink id={id} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </footer>
  );
}

/** One section of the facts, named, linked to its primary source when it has one. */
function FactLink({ id }: { readonly id: string }) {
  const t = useT();
  const section = factSection(id);
  const title = `${t('facts.label', { id })}: ${t(`facts.${id}` as MessageKey)}`;
  return section ? (
    <a href={section.url} target="_blank" rel="noreferrer">
      {title}
    </a>
  ) : (
    <span>{t('facts.label', { id })}</span>
  );
}
