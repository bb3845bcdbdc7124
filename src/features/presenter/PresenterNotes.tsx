import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../../ui/hooks';
import { RichText } from '../../ui/lessons/RichText';
import { useLessonText } from '../../ui/lessons/use-lesson-text';

/** The step's "what to look at" and "why", as the presenter's notes (never on the audience's screen). */
function StepNotes({ slug, k, steps }: { slug: LessonSlug; k: number; steps: number }) {
  const t = useT();
  const { tx } = useLessonText(slug);
  const n = k + 1;
  return (
    <>
      <summary>
        <h2 className="pr-notes-title">
          {t('presenter.notes.title', {
            n,
            total: steps,
            title: tx(lessonKey.step.title(slug, n)),
          })}
        </h2>
      </summary>
      <h3>{t('presenter.notes.observe')}</h3>
      <p data-testid="presenter-notes-observe">
        <RichText text={tx(lessonKey.step.observe(slug, n))} />
      </p>
      <h3>{t('presenter.notes.explain')}</h3>
      <p>
        <RichText text={tx(lessonKey.step.explain(slug, n))} />
      </p>
    </>
  );
}

/** The presenter's notes, folded away with a click when the machine needs the room. */
export function PresenterNotes() {
  const t = useT();
  const slug = useStore(lessonStore, (s) => s.slug);
  const status = useStore(lessonStore, (s) => s.status);
  const running = slug && status?.slug === slug ? status : null;
  return (
    <details
      open
      className="pr-notes"
      aria-label={t('presenter.notes.label')}
      data-testid="presenter-notes"
      data-step={running ? running.step + 1 : ''}
    >
      {slug && running ? (
        <StepNotes slug={slug} k={running.step} steps={running.steps} />
      ) : (
        <>
          <summary>
            <h2 className="pr-notes-title">{t('presenter.notes.label')}</h2>
          </summary>
          <p className="pr-muted">{t('presenter.notes.none')}</p>
        </>
      )}
    </details>
  );
}
