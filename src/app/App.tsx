import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { loadLocale, type Lang } from '../i18n';
import { prefsStore } from '../store/prefs-store';
import { LivePage } from '../ui/LivePage';
import { readUrl, startSim } from './start';

export function App() {
  const lang = useStore(prefsStore, (s) => s.lang);
  useEffect(() => {
    startSim();
    const fromUrl = readUrl(location.search).lang;
    if (fromUrl) void changeLang(fromUrl);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const onLang = useCallback((l: Lang) => void changeLang(l), []);
  return <LivePage onLang={onLang} />;
}

async function changeLang(lang: Lang): Promise<void> {
  await loadLocale(lang);
  prefsStore.setState({ lang });
}
