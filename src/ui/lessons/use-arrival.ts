import { useEffect, useRef } from 'react';

/**
 * Where the learner arrives (a new step, the quiz, the finish screen) gets the focus and is
 * brought into view: a screen reader reads it next, and a long step that ended off-screen does
 * not leave the reader looking at the bottom of the page. Not on the page's first render.
 */
export function useArrival<T extends HTMLElement>(key: unknown, onMount = false) {
  const ref = useRef<T | null>(null);
  const first = useRef(!onMount);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
  return ref;
}
