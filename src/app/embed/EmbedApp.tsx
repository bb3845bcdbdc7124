import { useEffect } from 'react';
import { useStore } from 'zustand';
import { prefsStore, setPrefs } from '../../store/prefs-store';
import { EmbedScreen } from '../../ui/embed/EmbedScreen';
import { startEmbed } from './start-embed';

/** embed.html's root: starts the embed once, keeps theme, language and motion on the document. */
export function EmbedApp() {
  const lang = useStore(prefsStore, (s) => s.lang);
  const theme = useStore(prefsStore, (s) => s.theme);
  useEffect(() => {
    startEmbed();
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
  return <EmbedScreen />;
}
