import { useStore } from 'zustand';
import { useCallback } from 'react';
import { translate, type MessageKey } from '../i18n';
import { prefsStore } from '../store/prefs-store';

/** The translate function for the current language; re-renders when the language changes. */
export function useT(): (
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
) => string {
  const lang = useStore(prefsStore, (s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}

export function useLang() {
  return useStore(prefsStore, (s) => s.lang);
}
