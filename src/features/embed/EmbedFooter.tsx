import { useStore } from 'zustand';
import { embedStore } from './embed-store';
import { lessonStore } from '../../store/lesson-store';
import { useLang, useT } from '../../ui/hooks';
import { labHref } from '../../ui/lessons/lab-href';

/** The keys the frame answers to, and a way out to the whole app at the same place. */
export function EmbedFooter() {
  const t = useT();
  const lang = useLang();
  const slug = useStore(lessonStore, (s) => s.slug);
  const step = useStore(lessonStore, (s) => (s.status?.slug === s.slug ? s.status?.step : null));
  const scenario = useStore(embedStore, (s) => s.scenario);
  const href = labHref({ slug, step: step ?? null, scenario, lang });
  return (
    <footer className="em-foot">
      <p className="em-keys">{slug ? t('embed.keys') : t('embed.keysScenario')}</p>
      <p>
        <a href={href} target="_blank" rel="noopener" data-testid="embed-open">
          {t('embed.open')} <span className="sr-only">{t('embed.openHint')}</span>
        </a>
      </p>
    </footer>
  );
}
