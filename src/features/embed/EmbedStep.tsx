import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { lacking } from '../../content/controls';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../../ui/hooks';
import { plainText } from '../../ui/lessons/marks';
import { RichText } from '../../ui/lessons/RichText';
import { SeenElsewhere, TaskElsewhere } from '../../ui/lessons/Elsewhere';
import { embedStore } from './embed-store';
import { useLessonText } from '../../ui/lessons/use-lesson-text';

/**
 * One lesson step, compact: where it stands in the lesson, its title, what to do and what to look
 * at. (The full step, with prediction, checks and hints, is `controls=full`.) A step change does
 * not take the focus: the host page may have driven it, and its reader's focus stays there; the
 * narration announces it instead.
 */
export function EmbedStep({ slug }: { readonly slug: LessonSlug }) {
  const t = useT();
  const { tx } = useLessonText(slug);
  const status = useStore(lessonStore, (s) => (s.status?.slug === slug ? s.status : null));
  const controls = useStore(embedStore, (s) => s.controls);
  const k = status?.step ?? 0;
  const n = k + 1;
  const total = status?.steps ?? 0;
  const title = plainText(tx(lessonKey.step.title(slug, n)));
  const lessonTitle = plainText(tx(lessonKey.title(slug)));
  const surface = controls === 'none' ? 'embed-none' : 'embed-minimal';
  const step = CONTENT[slug].steps[k];
  const cannot = lacking(surface, step?.uses);
  const unseen = lacking(surface, step?.sees);
  if (!status) {
    return (
      <p className="ls-wait" role="status">
        {t('lessons.starting')}
      </p>
    );
  }
  return (
    <article
      className="em-step"
      data-testid="embed-step"
      data-step={n}
      data-uses={(step?.uses ?? []).join(' ')}
      data-sees={(step?.sees ?? []).join(' ')}
      aria-labelledby="em-step-title"
    >
      <p className="em-kicker">
        <span>{lessonTitle}</span> · <span>{t('embed.step', { n, total })}</span>
      </p>
      <h2 id="em-step-title">{title}</h2>
      {cannot.length > 0 ? (
        <TaskElsewhere missing={cannot} offerShowMe />
      ) : (
        <p>
          <RichText text={tx(lessonKey.step.task(slug, n))} />
        </p>
      )}
      <p className="em-observe">
        <RichText text={tx(lessonKey.step.observe(slug, n))} />
      </p>
      {unseen.length > 0 ? <SeenElsewhere missing={unseen} /> : null}
    </article>
  );
}
