import { useLayoutEffect, useRef, type RefObject } from 'react';

const GLIDE: KeyframeAnimationOptions = { duration: 400, easing: 'cubic-bezier(0.3, 0.7, 0.3, 1)' };

/**
 * A part of the machine view drawn at its place (x, y) that glides there from where it was when
 * the machine changes shape: a CPU handed to another kernel moves to its new group, the groups
 * after it make room. The part carries no transform of its own: for the glide a Web Animation
 * takes it from its old place to none, and ends. (A transform kept on every cell and group made
 * each a piece of its own for the browser to layer again every frame: on a big machine, ~800.)
 * No glide when only the width or the language moved everything at once (`shape` is the same),
 * nor with reduced motion.
 */
export function useGlide(
  ref: RefObject<SVGGElement | null>,
  x: number,
  y: number,
  shape: object,
): void {
  const last = useRef<{ x: number; y: number; shape: object } | null>(null);
  useLayoutEffect(() => {
    const was = last.current;
    last.current = { x, y, shape };
    const el = ref.current;
    if (!was || !el || was.shape === shape || (was.x === x && was.y === y)) return;
    if (typeof el.animate !== 'function' || el.closest('.mk-reduced')) return;
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    el.animate(
      [{ transform: `translate(${was.x - x}px, ${was.y - y}px)` }, { transform: 'none' }],
      GLIDE,
    );
  }, [ref, x, y, shape]);
}
