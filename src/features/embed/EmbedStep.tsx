import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../../ui/hooks';
import { plainText } from '../../ui/lessons/marks';
import { RichText } from '../../ui/lessons/RichText';
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
  const k = status?.step ?? 0;
  const n = k + 1;
  const total = status?.steps ?? 0;
  const title = plainText(tx(lessonKey.step.title(slug, n)));
  const lessonTitle = plainText(tx(lessonKey.title(slug)));
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
      aria-labelledby="em-step-title"
    >
      <p className="em-kicker">
        <span>{lessonTitle}</span> · <span>{t('embed.step', { n, total })}</span>
      </p>
      <h2 id="em-step-title">{title}</h2>
      <p>
        <RichText text={tx(lessonKey.step.task(slug, n))} />
      </p>
      <p className="em-observe">
        <RichText text={tx(lessonKey.step.observe(slug, n))} />
      </p>
    </article>
  );
}
