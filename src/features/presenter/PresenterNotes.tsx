import type { LessonSlug } from '../../contract';
import { useState } from 'react';
import { useStore } from 'zustand';
import { presenterStore } from './presenter-store';
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

/**
 * The presenter's notes, folded away with a click when the machine needs the room. With no
 * audience window open this window may be the projector (one mirrored screen): the notes, which
 * hold the answer, stay hidden until the teacher asks for them here.
 */
export function PresenterNotes({ always = false }: { readonly always?: boolean }) {
  const t = useT();
  const slug = useStore(lessonStore, (s) => s.slug);
  const status = useStore(lessonStore, (s) => s.status);
  const audience = useStore(presenterStore, (s) => s.audience);
  const [here, setHere] = useState(false);
  const running = slug && status?.slug === slug ? status : null;
  const shown = always || audience || here;
  return (
    <details
      open
      className="pr-notes"
      aria-label={t('presenter.notes.label')}
      data-testid="presenter-notes"
      data-step={running ? running.step + 1 : ''}
    >
      {slug && running && shown ? (
        <StepNotes slug={slug} k={running.step} steps={running.steps} />
      ) : (
        <summary>
          <h2 className="pr-notes-title">{t('presenter.notes.label')}</h2>
        </summary>
      )}
      {!running ? <p className="pr-muted">{t('presenter.notes.none')}</p> : null}
      {running && !always && !audience ? (
        <p className="pr-muted" data-testid="presenter-notes-hidden">
          {here ? null : t('presenter.notes.hidden')}{' '}
          <button type="button" data-testid="presenter-notes-toggle" onClick={() => setHere(!here)}>
            {here ? t('presenter.notes.hide') : t('presenter.notes.show')}
          </button>
        </p>
      ) : null}
    </details>
  );
}
