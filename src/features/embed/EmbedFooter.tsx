import { useStore } from 'zustand';
import { embedStore } from './embed-store';
import { lessonStore } from '../../store/lesson-store';
import { useLang, useT } from '../../ui/hooks';

/** The keys the frame answers to, and a way out to the whole app at the same place. */
export function EmbedFooter() {
  const t = useT();
  const lang = useLang();
  const slug = useStore(lessonStore, (s) => s.slug);
  const step = useStore(lessonStore, (s) => (s.status?.slug === s.slug ? s.status?.step : null));
  const scenario = useStore(embedStore, (s) => s.scenario);
  const q = new URLSearchParams();
  if (slug) {
    q.set('lesson', slug);
    if (step !== null && step !== undefined) q.set('step', String(step + 1));
  } else if (scenario) q.set('scenario', scenario);
  q.set('lang', lang);
  return (
    <footer className="em-foot">
      <p className="em-keys">{slug ? t('embed.keys') : t('embed.keysScenario')}</p>
      <p>
        <a href={`./?${q.toString()}`} target="_blank" rel="noopener" data-testid="embed-open">
          {t('embed.open')} <span className="sr-only">{t('embed.openHint')}</span>
        </a>
      </p>
    </footer>
  );
}
