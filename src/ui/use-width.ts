import { startTransition, useCallback, useState } from 'react';

/**
 * The width of an element, kept up to date by a ResizeObserver: the machine view and the timeline
 * lay themselves out for their container (a phone, a side-by-side twin, a projector). Use the
 * returned callback as the element's `ref`. 0 until first measured.
 */
export function useWidth(): readonly [
  (el: HTMLElement | null) => (() => void) | undefined,
  number,
] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      // A transition: what is laid out for the width (the machine, the timeline) is drawn again in
      // slices a slow laptop can interrupt, not in one long task (issue 14).
      if (w !== undefined && w > 0) startTransition(() => setWidth(Math.floor(w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
