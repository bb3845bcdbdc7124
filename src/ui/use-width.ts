import { startTransition, useCallback, useState } from 'react';

/**
 * The width of an element, kept up to date by a ResizeObserver: the machine view and the timeline
 * lay themselves out for their container (a phone, a side-by-side twin, a projector). Use the
 * returned callback as the element's `ref`. 0 until first measured.
 *
 * A new width is set in a transition: what is laid out for it is drawn again in slices a slow
 * laptop can interrupt, not in one long task (issue 14). With `firstAtOnce`, the first width is
 * read when the element is attached: a part that draws nothing until it is measured (the machine)
 * starts drawing at once, not a frame later (a deep link's machine came 0.1–0.5 s after its step
 * when it waited for the observer, measured).
 */
export function useWidth(
  firstAtOnce = false,
): readonly [(el: HTMLElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return undefined;
      if (firstAtOnce) {
        // Read as the element is attached (the browser lays the page out for it once, early),
        // not when the observer first reports, after a frame.
        const w = el.getBoundingClientRect().width;
        if (w > 0) startTransition(() => setWidth(Math.floor(w)));
      }
      const observer = new ResizeObserver((entries) => {
        const w = entries[0]?.contentRect.width;
        if (w !== undefined && w > 0) startTransition(() => setWidth(Math.floor(w)));
      });
      observer.observe(el);
      return () => observer.disconnect();
    },
    [firstAtOnce],
  );
  return [ref, width] as const;
}
