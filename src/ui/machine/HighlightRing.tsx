import type { Rect } from '../../viz/machine-types';
import { around } from './pressable';

/**
 * A lesson's "look here" mark on an SVG element: a thick dashed ring around it and a small
 * pointer badge at its top-left corner, so it is not told by colour alone. It does not move.
 */
export function HighlightRing({ box, rx }: { readonly box: Rect; readonly rx: number }) {
  const ring = around(box, 5, rx);
  return (
    <g className="mk-hl" aria-hidden="true">
      <rect className="mk-hl-ring" {...ring} />
      <circle className="mk-hl-badge" cx={ring.x + 2} cy={ring.y + 2} r={7} />
      <circle className="mk-hl-dot" cx={ring.x + 2} cy={ring.y + 2} r={2.5} />
    </g>
  );
}
