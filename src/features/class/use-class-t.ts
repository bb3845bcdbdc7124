import { useCallback } from 'react';
import { classText, type ClassKey } from '../../i18n/class-text';
import { useLang } from '../../ui/hooks';

/** The class's own strings (a lazy table, not the main catalog), in the page's language. */
export function useClassT() {
  const lang = useLang();
  return useCallback(
    (key: ClassKey, params?: Readonly<Record<string, string | number>>) =>
      classText(lang, key, params),
    [lang],
  );
}
