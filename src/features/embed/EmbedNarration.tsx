import { useEffect } from 'react';
import { useStore } from 'zustand';
import { lessonKey } from '../../content/keys';
import { embedStore } from './embed-store';
import { lessonStore } from '../../store/lesson-store';
import { simStore } from '../../store/sim-store';
import { describeHappening } from '../../ui/happenings';
import { useT } from '../../ui/hooks';
import { plainText } from '../../ui/lessons/marks';
import { useLessonTexts } from '../../ui/lessons/use-lesson-text';

/**
 * The frame's narration, a polite live region: the step it stands at (also the document's
 * title) and the latest thing that happened on the machine, never one line per IPI.
 */
export function EmbedNarration() {
  const t = useT();
  const slug = useStore(lessonStore, (s) => s.slug);
  const status = useStore(lessonStore, (s) => (s.status?.slug === s.slug ? s.status : null));
  const scenario = useStore(embedStore, (s) => s.scenario);
  const latest = useStore(simStore, (s) => s.happenings[s.happenings.length - 1]);
  const view = useStore(simStore, (s) => s.view);
  const { tx } = useLessonTexts(slug ? [slug] : []);
  const n = (status?.step ?? 0) + 1;
  const total = status?.steps ?? 0;
  const stepTitle = slug && status ? plainText(tx(slug, lessonKey.step.title(slug, n))) : '';
  const lessonTitle = slug ? plainText(tx(slug, lessonKey.title(slug))) : '';
  useEffect(() => {
    if (slug && total) document.title = t('embed.docTitle', { title: lessonTitle, n, total });
    else if (scenario) document.title = t('embed.docTitleScenario', { scenario });
  }, [t, slug, scenario, lessonTitle, n, total]);
  return (
    <div className="em-narration" aria-live="polite" data-testid="embed-narration">
      {slug && status ? (
        <p className="sr-only">{t('embed.stepNow', { n, total, title: stepTitle })}</p>
      ) : null}
      <p className="em-latest">
        {latest
          ? t('embed.latest', { text: describeHappening(t, latest, view) })
          : t('embed.quiet')}
      </p>
    </div>
  );
}
