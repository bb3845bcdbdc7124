import { memo, useEffect, useLayoutEffect, useRef, useState, type MutableRefObject } from 'react';
import { simStore } from '../../store/sim-store';
import { ipiScene, timingFor, type Dot, type IpiGeometry } from '../../viz/machine-ipi';
import { readInk, useThemeTick } from './dot-ink';
import type { DotInk } from './dot-paint';
import { DotTiles } from './dot-tiles';
import { useVisibleBand } from './use-visible-band';

/**
 * The message dots, drawn on canvases laid over the SVG (same units: one per CSS pixel, offset by
 * the view's margin; small tiles made where dots go, dot-tiles.ts). A dot is a copied picture, no
 * DOM node: hundreds stay cheap. They are drawn for every frame the machine sends, straight from
 * the simulation's store and not through React: the rest of the drawing re-renders only for what
 * it shows, and the dots' scene (ipiScene, from the traffic at the frame's clock) is all a frame
 * costs here. `drawn` keeps the dots last drawn (a click selects one). Only dots in the band of
 * the drawing on screen are drawn (useVisibleBand). `geo` null: no dots (arrows instead, or no
 * traffic shown).
 */
export const DotCanvas = memo(function DotCanvas(p: {
  readonly geo: IpiGeometry | null;
  readonly speed: number;
  readonly selected: number;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly drawn: MutableRefObject<readonly Dot[]>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const theme = useThemeTick();
  const [dpr] = useState(() => Math.min(2, window.devicePixelRatio || 1));
  const ink = useRef<{ theme: number; ink: DotInk } | null>(null);
  const tiles = useRef<DotTiles | null>(null);
  const { geo, speed, selected, width, height, margin, drawn } = p;
  const band = useVisibleBand(anchor, height);
  const live = !!(geo && band);

  /** The theme's colours and pictures, read once per theme. */
  const inkOf = (el: Element): DotInk => {
    if (ink.current?.theme !== theme) ink.current = { theme, ink: readInk(el, dpr) };
    return ink.current.ink;
  };
  // Read, and each owner's dot drawn, while the page is idle before the first dot needs them:
  // reading computed style makes the browser compute the page's styles, and Play's first frame
  // drew the nine pictures besides (issue 14: ≈ 13 % of its 87 ms task, slowed 4×). One picture
  // per idle callback.
  const warming = useRef<{ theme: number; cancel: () => void } | null>(null);
  useEffect(() => {
    const el = anchor.current;
    if (!el || warming.current?.theme === theme) return;
    warming.current?.cancel();
    const w = { theme, cancel: () => {} };
    const step = () => {
      if (inkOf(el).warmNext()) w.cancel = whenIdle(step);
    };
    w.cancel = whenIdle(step);
    warming.current = w;
  });
  useEffect(() => () => warming.current?.cancel(), []);

  // New tiles for a new size (a canvas cannot be stretched); none while there are no dots.
  const drawing = geo !== null;
  useLayoutEffect(() => {
    const el = host.current;
    if (!drawing || !el) return;
    const made = new DotTiles(el, { width, height, margin, dpr });
    tiles.current = made;
    return () => {
      made.dispose();
      tiles.current = null;
      drawn.current = [];
    };
  }, [drawing, width, height, margin, dpr, drawn]);

  const draw = useRef((_paced?: boolean) => {});
  const again = useRef(0);
  const later = useRef(0);
  const paceNext = () => {
    later.current = window.setTimeout(() => draw.current(true), 0);
  };
  draw.current = (paced = false) => {
    const el = anchor.current;
    // This drawing is the one asked for later, whoever asked first (a frame, the layout effect).
    cancelAnimationFrame(again.current);
    clearTimeout(later.current);
    if (!tiles.current || !geo || !band || !el) return;
    // A first drawing (no tile yet: a page, a lesson's step just made) goes a piece per task —
    // the theme's colours, each owner's picture, each new tile — none long on a slow laptop
    // (issue 14: a lesson's load drew its 81 paused dots in one task of 58–84 ms, not slowed).
    if (paced) {
      const unread = ink.current?.theme !== theme;
      const colours = inkOf(el);
      if (unread || colours.warmNext()) {
        paceNext();
        return;
      }
    }
    const s = simStore.getState();
    const timing = timingFor(speed);
    const { dots } = ipiScene(s.traffic, geo, { now: s.t, timing, asArrows: false });
    // Dots on tiles not made yet: drawn at the next animation frame, if no frame comes first
    // (paused, a step's dots would otherwise wait for the next step); paced, in the next task.
    if (!tiles.current.draw(dots, band, inkOf(el), s.t, selected, paced ? 1 : undefined)) {
      if (paced) paceNext();
      else again.current = requestAnimationFrame(() => draw.current());
    }
    drawn.current = dots;
  };
  useEffect(
    () => () => {
      cancelAnimationFrame(again.current);
      clearTimeout(later.current);
    },
    [],
  );
  // Drawn again for what changed here: the machine's shape, the band, selection, theme, speed.
  // New tiles are first drawn after React's commit, paced: new canvases are the dearest drawing
  // there is, and the commit that made the page is itself long.
  useLayoutEffect(() => {
    if (!tiles.current?.blank()) draw.current();
    else {
      clearTimeout(later.current);
      paceNext();
    }
  }, [live, geo, band, selected, theme, speed, width, height]);
  // And for every frame the machine sends (its clock and traffic), while there are dots to draw.
  useEffect(() => {
    if (!live) return;
    return simStore.subscribe((s, prev) => {
      if (s.t !== prev.t || s.traffic !== prev.traffic) draw.current();
    });
  }, [live]);

  return (
    <>
      <span ref={anchor} className="mk-dots-anchor" aria-hidden="true" />
      {drawing ? <div ref={host} className="mk-dots" aria-hidden="true" /> : null}
    </>
  );
});

/** Run `fn` when the page is idle (soon at the latest); returns the cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}
