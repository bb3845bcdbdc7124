import type { LessonSlug } from '../../contract';
import { useCallback, useEffect, useState } from 'react';
import { hasLessonText, lessonText, loadLessonText } from '../../i18n/lesson-text';
import { useLang } from '../hooks';

export type LessonTranslate = (
  slug: LessonSlug | null,
  key: string,
  params?: Readonly<Record<string, string | number>>,
) => string;

/**
 * Lesson text for these lessons in the current language: loads their files (and the glossary)
 * and re-renders once they are in. Until then each string is English or, failing that, its key.
 */
export function useLessonTexts(slugs: readonly LessonSlug[]): {
  readonly tx: LessonTranslate;
  readonly ready: boolean;
} {
  const lang = useLang();
  const [loads, setLoads] = useState(0);
  const joined = slugs.join(' ');
  useEffect(() => {
    let live = true;
    for (const slug of joined ? joined.split(' ') : []) {
      // A lesson whose text is missing keeps showing keys; the rest of the page still works.
      loadLessonText(lang, slug).then(
        () => live && setLoads((n) => n + 1),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [lang, joined]);
  const tx = useCallback<LessonTranslate>(
    (slug, key, params) => lessonText(lang, slug, key, params),
    // `loads` changes when a file arrives: a new function makes users render again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, loads],
  );
  return { tx, ready: slugs.every((s) => hasLessonText(lang, s)) };
}

/** One lesson's text: `tx(key)` with the slug filled in. */
export function useLessonText(slug: LessonSlug) {
  const { tx, ready } = useLessonTexts([slug]);
  const one = useCallback(
    (key: string, params?: Readonly<Record<string, string | number>>) => tx(slug, key, params),
    [tx, slug],
  );
  return { tx: one, ready };
}

/** One lesson's translate function, as the step's parts receive it. */
export type Tx = ReturnType<typeof useLessonText>['tx'];
