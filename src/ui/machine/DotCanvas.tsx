import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Dot } from '../../viz/machine-ipi';
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
 * The message dots, drawn on a canvas laid exactly over the SVG (same units: one per CSS pixel,
 * offset by the view's margin). One arc per dot, no DOM node per dot: hundreds stay cheap.
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
  const theme = useThemeTick();
  const colours = useRef({ theme: -1, cache: new Map<string, string>() });
  const [dpr] = useState(() => Math.min(2, window.devicePixelRatio || 1));
  const { dots, now, selected, width, height, margin } = p;
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, dpr * margin, dpr * margin);
    ctx.clearRect(-margin, -margin, width, height);
    if (dots.length === 0) return;
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
  }, [dots, now, selected, width, height, margin, dpr, theme]);
  return (
    <canvas
      ref={ref}
      className="mk-dots"
      aria-hidden="true"
      width={Math.round(width * dpr)}
      height={Math.round(height * dpr)}
      style={{ width: '100%', height: 'auto' }}
    />
  );
}
