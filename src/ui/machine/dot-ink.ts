import { useEffect, useState } from 'react';
import { SPAWN_COLOURS, ownerColour } from '../../viz/palette';

// The message dots' colours and pictures (DotCanvas): read from the page's theme, drawn once.

export const RADIUS = 4.5;
/** A dot's picture: its circle, outline and anti-aliasing, in drawing units. */
export const SIDE = 2 * RADIUS + 3;
export const HALF = SIDE / 2;

/** Each owner's dot, and the ink the selected one is ringed with, for one theme. */
export interface DotInk {
  readonly ink: string;
  readonly fill: (owner: number) => string;
  readonly sprite: (owner: number) => CanvasImageSource;
  /**
   * One more owner's picture drawn now (at idle, or a first drawing's own task), not with the
   * frame that first needs it. False once every owner's is drawn.
   */
  readonly warmNext: () => boolean;
}

/**
 * The value of a `var(--x)` colour (a canvas cannot read CSS variables). Reading computed style
 * makes the browser compute the page's styles first: done once per theme, before any dot.
 */
function resolve(el: Element, colour: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
  return name ? getComputedStyle(el).getPropertyValue(name).trim() || '#888' : colour;
}

/**
 * One dot of a colour, drawn once and then copied: a copy costs the browser far less than a
 * circle, and a few hundred dots a frame add up. An ImageBitmap where there is one (a canvas as
 * the source is copied again at every use).
 */
function dotSprite(fill: string, ink: string, dpr: number): CanvasImageSource {
  const side = Math.ceil(SIDE * dpr);
  const off = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(side, side) : null;
  const el = off ? null : document.createElement('canvas');
  if (el) el.width = el.height = side;
  const c = (off ?? el)?.getContext('2d') as CanvasRenderingContext2D | null | undefined;
  if (c) {
    c.scale(side / SIDE, side / SIDE);
    c.fillStyle = fill;
    c.strokeStyle = ink;
    c.lineWidth = 1.25;
    c.beginPath();
    c.arc(HALF, HALF, RADIUS, 0, 2 * Math.PI);
    c.fill();
    c.stroke();
  }
  return off ? off.transferToImageBitmap() : (el as HTMLCanvasElement);
}

/** Every owner colour there is: the pool, the host, and the colours spawned kernels cycle through. */
const OWNERS = [-1, 0, ...Array.from({ length: SPAWN_COLOURS }, (_, i) => i + 1)];

export function readInk(el: Element, dpr: number): DotInk {
  const ink = resolve(el, 'var(--fg)');
  const fills = new Map(OWNERS.map((o) => [ownerColour(o), resolve(el, ownerColour(o))]));
  const sprites = new Map<string, CanvasImageSource>();
  const fill = (owner: number) => fills.get(ownerColour(owner)) ?? '#888';
  const sprite = (owner: number) => {
    const f = fill(owner);
    let s = sprites.get(f);
    if (!s) sprites.set(f, (s = dotSprite(f, ink, dpr)));
    return s;
  };
  const warmNext = () => {
    const cold = OWNERS.find((o) => !sprites.has(fill(o)));
    if (cold === undefined) return false;
    sprite(cold);
    return true;
  };
  return { ink, fill, sprite, warmNext };
}

/** A number that changes when the page's theme does (the attribute on <html>, the system's). */
export function useThemeTick(): number {
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
