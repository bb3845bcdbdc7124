import { useEffect, useState } from 'react';
import { ownerColour } from '../../viz/palette';
import { inksOf, OWNERS, type DotInk } from './dot-paint';

// The message dots' colours and pictures (DotCanvas): read from the page's theme, drawn once.

/**
 * The value of a `var(--x)` colour (a canvas cannot read CSS variables). Reading computed style
 * makes the browser compute the page's styles first: done once per theme, before any dot.
 */
function resolve(el: Element, colour: string): string {
  const name = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
  return name ? getComputedStyle(el).getPropertyValue(name).trim() || '#888' : colour;
}

/** The theme's dot colours, read off `el` (a canvas cannot read CSS variables). */
export function readInk(el: Element, dpr: number): DotInk {
  const colours = new Map(OWNERS.map((o) => [ownerColour(o), resolve(el, ownerColour(o))]));
  return inksOf(colours, resolve(el, 'var(--fg)'), dpr);
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
