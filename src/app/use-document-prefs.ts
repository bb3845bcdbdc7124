import { useEffect } from 'react';
import { useStore } from 'zustand';
import { prefsStore, setPrefs } from '../store/prefs-store';

/**
 * What every page of the lab (the app, the embed) keeps in step with the preferences: `<html
 * lang>` and `data-theme`, and the reduced-motion setting from the system.
 */
export function useDocumentPrefs(): void {
  const lang = useStore(prefsStore, (s) => s.lang);
  const theme = useStore(prefsStore, (s) => s.theme);
  useEffect(() => {
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
}
