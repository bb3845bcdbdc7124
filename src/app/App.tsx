import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { loadLocale, type Lang } from '../i18n';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { MainScreen } from '../ui/MainScreen';
import { readUrl, startSim } from './start';
import { readPresenterRoute } from './presenter/route';

/** The window on the projector in presenter mode (`?audience=<session>`): loaded only there. */
const AudienceScreen = lazy(() => import('../ui/presenter/AudienceScreen'));
const audience = readPresenterRoute(location.search).mode === 'audience';

export function App() {
  const lang = useStore(prefsStore, (s) => s.lang);
  const theme = useStore(prefsStore, (s) => s.theme);
  useEffect(() => {
    startSim();
    const fromUrl = readUrl(location.search).lang;
    if (fromUrl) void changeLang(fromUrl);
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    const onMotion = () => setPrefs({ reducedMotion: motion.matches });
    onMotion();
    motion.addEventListener('change', onMotion);
    return () => motion.removeEventListener('change', onMotion);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const onLang = useCallback((l: Lang) => void changeLang(l), []);
  if (audience) {
    return (
      <Suspense fallback={null}>
        <AudienceScreen />
      </Suspense>
    );
  }
  return <MainScreen onLang={onLang} />;
}

async function changeLang(lang: Lang): Promise<void> {
  await loadLocale(lang);
  prefsStore.setState({ lang });
}
