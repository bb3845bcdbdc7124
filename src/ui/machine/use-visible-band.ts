import { useLayoutEffect, useState, type RefObject } from 'react';

/** A horizontal band of a drawing, in its own units from its top edge. */
export interface Band {
  readonly top: number;
  readonly height: number;
}

/** How far past the viewport's edges the band reaches (CSS px). */
const SLACK = 240;

/**
 * The band of a drawing that is on screen, with some slack above and below, or null while none
 * of it is. `anchor` is any element laid over the whole drawing (its parent is measured);
 * `fullH` is the drawing's height in its units. The band keeps its height while scrolling and
 * moves in steps smaller than the slack, so it covers the screen between two measures. Measured
 * when the page scrolls or resizes and when the drawing does (first: when it is laid out), never
 * per frame.
 */
export function useVisibleBand(anchor: RefObject<Element | null>, fullH: number): Band | null {
  const [band, setBand] = useState<Band | null>(null);
  useLayoutEffect(() => {
    const box = anchor.current?.parentElement;
    if (!box) return;
    let queued = 0;
    const measure = () => {
      queued = 0;
      const r = box.getBoundingClientRect();
      const view = window.innerHeight;
      if (r.height <= 0 || r.bottom < -SLACK || r.top > view + SLACK) {
        setBand(null);
        return;
      }
      const k = fullH / r.height;
      const height = Math.min(fullH, Math.ceil((view + 2 * SLACK) * k));
      const step = (SLACK / 2) * k;
      const want = Math.floor(((-r.top - SLACK) * k) / step) * step;
      const top = Math.max(0, Math.min(fullH - height, want));
      setBand((b) => (b && b.top === top && b.height === height ? b : { top, height }));
    };
    const later = () => {
      if (!queued) queued = requestAnimationFrame(measure);
    };
    // No measure here: reading the box now would lay the page out inside React's commit (one long
    // task on a slow laptop, issue 14); the observer reports the box once the browser has laid it
    // out, and the dots it places are not drawn before then anyway.
    window.addEventListener('scroll', later, { passive: true, capture: true });
    window.addEventListener('resize', later);
    const resized = new ResizeObserver(later);
    resized.observe(box);
    return () => {
      cancelAnimationFrame(queued);
      window.removeEventListener('scroll', later, { capture: true });
      window.removeEventListener('resize', later);
      resized.disconnect();
    };
  }, [anchor, fullH]);
  return band;
}
