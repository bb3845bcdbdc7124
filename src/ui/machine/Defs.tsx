import { memo } from 'react';
import { ownerColour, SPAWN_COLOURS } from '../../viz/palette';

/** Hatch pattern ids, one per owner hue: parked CPUs and the pool are hatched in their colour. */
export function hatchId(prefix: string, owner: number): string {
  if (owner < 0) return `${prefix}-hatch-pool`;
  if (owner === 0) return `${prefix}-hatch-host`;
  return `${prefix}-hatch-${((owner - 1) % SPAWN_COLOURS) + 1}`;
}

export const arrowId = (prefix: string) => `${prefix}-arrow`;

const HUES = [-1, 0, ...Array.from({ length: SPAWN_COLOURS }, (_, i) => i + 1)];

/**
 * Patterns and markers the view refers to; ids are prefixed so two views can share a page.
 * Memoised: they change with the prefix alone, and the drawing around them renders every frame.
 */
export const Defs = memo(function Defs({ prefix }: { readonly prefix: string }) {
  return (
    <defs>
      {HUES.map((owner) => (
        <pattern
          key={owner}
          id={hatchId(prefix, owner)}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="var(--panel)" />
          <line
            x1="0"
            y1="0"
            x2="0"
            y2="8"
            stroke={owner < 0 ? 'var(--muted)' : ownerColour(owner)}
            strokeOpacity={owner < 0 ? 0.35 : 0.7}
            strokeWidth="3"
          />
        </pattern>
      ))}
      <marker
        id={arrowId(prefix)}
        viewBox="0 0 10 10"
        refX="8"
        refY="5"
        markerWidth="10"
        markerHeight="10"
        markerUnits="userSpaceOnUse"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" fill="var(--fg)" />
      </marker>
    </defs>
  );
});
