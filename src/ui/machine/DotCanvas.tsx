import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Dot } from '../../viz/machine-ipi';
import { useVisibleBand, type Band } from './use-visible-band';
import { ownerColour } from '../../viz/palette';

const RADIUS = 4.5;
/** Waiting dots breathe with the simulation clock (not the wall clock: pause stops them). */
const PULSE_NS = 900;

/**
 * The value of a `var(--x)` colour (a canvas cannot read CSS variables), looked up once per theme:
 * reading computed style every frame would force a style recalculation every frame.
 */
function resolve(el: Element, cache: Map<string, string>, colour: string): string {
  let v = cache.get(colour);
  if (v === undefined) {
    const name = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
    v = name ? getComputedStyle(el).getPropertyValue(name).trim() || '#888' : colour;
    cache.set(colour, v);
  }
  return v;
}

/** Redraw when the page's theme changes (the attribute on <html>), even while paused. */
function useThemeTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const obs = new MutationObserver(() => setTick((n) => n + 1));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => setTick((n) => n + 1);
    media.addEventListener('change', onMedia);
    return () => {
      obs.disconnect();
      media.removeEventListener('change', onMedia);
    };
  }, []);
  return tick;
}

/**
 * The message dots, drawn on a canvas laid over the SVG (same units: one per CSS pixel, offset by
 * the view's margin). One arc per dot, no DOM node per dot: hundreds stay cheap. The canvas covers
 * only the band of the drawing on screen (useVisibleBand): over a whole big machine it was tens
 * of megapixels, which the browser carried from the page's thread to the screen every frame.
 */
export function DotCanvas(p: {
  readonly dots: readonly Dot[];
  readonly now: number;
  readonly selected: number;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const theme = useThemeTick();
  const colours = useRef({ theme: -1, cache: new Map<string, string>() });
  /** Where the last frame drew (drawing units), in which band; null when it drew nothing. */
  const inked = useRef<{ x0: number; y0: number; x1: number; y1: number; band: Band } | null>(null);
  const [dpr] = useState(() => Math.min(2, window.devicePixelRatio || 1));
  const { dots, now, selected, width, height, margin } = p;
  const band = useVisibleBand(anchor, height);
  const bandH = band?.height ?? 0;
  // A resized canvas is cleared by the browser: nothing is left to wipe. (Before the drawing
  // effect: effects run in order, and that one records what the new size's first frame drew.)
  useLayoutEffect(() => {
    inked.current = null;
  }, [width, bandH, dpr]);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !band) {
      // No dots (or none on screen): there is no canvas, and the next one starts blank.
      inked.current = null;
      return;
    }
    // Clearing wipes only where dots were (all of it when the band moved).
    const last = inked.current;
    if (last && last.band !== band) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    }
    ctx.setTransform(dpr, 0, 0, dpr, dpr * margin, dpr * (margin - band.top));
    if (last && last.band === band) {
      ctx.clearRect(last.x0, last.y0, last.x1 - last.x0, last.y1 - last.y0);
    }
    inked.current = null;
    const reach = 12; // the selected dot's ring, its stroke and anti-aliasing
    const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, band };
    for (const d of dots) {
      box.x0 = Math.min(box.x0, d.x - reach);
      box.y0 = Math.min(box.y0, d.y - reach);
      box.x1 = Math.max(box.x1, d.x + reach);
      box.y1 = Math.max(box.y1, d.y + reach);
    }
    inked.current = box;
    if (colours.current.theme !== theme) colours.current = { theme, cache: new Map() };
    const cache = colours.current.cache;
    const colour = (c: string) => resolve(canvas, cache, c);
    const ink = colour('var(--fg)');
    const pulse = 0.6 + 0.4 * Math.cos((2 * Math.PI * (now % PULSE_NS)) / PULSE_NS);
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = ink;
    for (const d of dots) {
      const r = d.seq === selected ? 7 : RADIUS;
      ctx.globalAlpha = d.waiting ? d.opacity * pulse : d.opacity;
      ctx.fillStyle = colour(ownerColour(d.owner));
      ctx.beginPath();
      ctx.arc(d.x, d.y, r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      if (d.seq === selected) {
        ctx.globalAlpha = 1;
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.arc(d.x, d.y, r + 3, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.lineWidth = 1.25;
      }
    }
    ctx.globalAlpha = 1;
  }, [dots, now, selected, width, margin, dpr, theme, band]);
  return (
    <>
      <span ref={anchor} className="mk-dots-anchor" aria-hidden="true" />
      {band && dots.length > 0 ? (
        <canvas
          ref={ref}
          className="mk-dots"
          aria-hidden="true"
          width={Math.round(width * dpr)}
          height={Math.round(band.height * dpr)}
          style={{
            top: `${(100 * band.top) / height}%`,
            height: `${(100 * band.height) / height}%`,
          }}
        />
      ) : null}
    </>
  );
}
