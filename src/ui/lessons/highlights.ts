import { useMemo } from 'react';
import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { highlightKeys } from '../../content/highlight-keys';
import { lessonStore } from '../../store/lesson-store';
import { presenterStore } from '../../features/presenter/presenter-store';

/** The `data-hl` keys a step's highlight targets stand for (pure; the e2e test uses it too). */
export { highlightKeys };

const NONE: ReadonlySet<string> = new Set();

/**
 * The keys highlighted now: the current step's targets while a lesson shows a step, none on its
 * quiz; null outside lessons (the sandbox's elements then carry no `data-hl` at all).
 */
export function useHighlighted(): ReadonlySet<string> | null {
  // The audience window plays no lesson of its own: it shows the presenter's (its step, its page).
  const shown = useStore(presenterStore, (s) => (s.mode === 'audience' ? s.onScreen.page : null));
  const slug = useStore(lessonStore, (s) => s.slug ?? (shown ? (s.status?.slug ?? null) : null));
  const step = useStore(lessonStore, (s) => {
    const page = shown ?? s.page;
    return page === 'step' || page === 'list' ? (s.status?.step ?? -1) : -1;
  });
  return useMemo(() => {
    if (!slug) return null;
    const targets = CONTENT[slug].steps[step]?.highlights;
    return targets ? new Set(highlightKeys(targets)) : NONE;
  }, [slug, step]);
}

/** The attributes of a highlightable element: its key, and whether it is highlighted now. */
export function hlAttrs(
  key: string,
  highlighted: ReadonlySet<string> | null,
): { 'data-hl'?: string; 'data-highlighted'?: 'true' } {
  if (!highlighted) return {};
  return highlighted.has(key) ? { 'data-hl': key, 'data-highlighted': 'true' } : { 'data-hl': key };
}
