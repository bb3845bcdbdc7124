import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { loadLocale, type Lang } from '../i18n';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { MainScreen } from '../ui/MainScreen';
import { readUrl, startSim } from './start';

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
  return <MainScreen onLang={onLang} />;
}

async function changeLang(lang: Lang): Promise<void> {
  await loadLocale(lang);
  prefsStore.setState({ lang });
}
