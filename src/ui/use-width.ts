import { startTransition, useCallback, useState } from 'react';
import { playbackStore } from '../store/playback-store';

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
      if (w === undefined || w <= 0) return;
      const set = () => setWidth(Math.floor(w));
      // Paused (the load, a resize), a transition: what is laid out for the width is drawn again
      // in slices a slow laptop can interrupt, not in one long task (issue 14). Playing, every
      // frame's update interrupts those slices and React starts them again from the top: the
      // timeline's first width, coming a few seconds into play, kept the page busy for the five
      // seconds until React gives up waiting and draws it at once anyway. So, in one task.
      if (playbackStore.getState().playing) set();
      else startTransition(set);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
