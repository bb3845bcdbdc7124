/**
 * Colours of owners (host, pool, spawned kernels), from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies. Colour is never the only cue: every
 * coloured mark also carries a text label or a pattern. The values live in CSS custom properties
 * (styles.css) so the light and dark themes can tune them; code refers to them by variable.
 */
export const SPAWN_COLOURS = 6;

/** CSS colour for an owner id: host = 0, pool = -1, spawns cycle through six hues. */
export function ownerColour(owner: number): string {
  if (owner < 0) return 'var(--owner-pool)';
  if (owner === 0) return 'var(--owner-host)';
  return `var(--owner-${((owner - 1) % SPAWN_COLOURS) + 1})`;
}

/** A text colour readable on `ownerColour(owner)`. */
export function ownerInk(owner: number): string {
  if (owner < 0) return 'var(--fg)';
  if (owner === 0) return 'var(--owner-host-ink)';
  return `var(--owner-${((owner - 1) % SPAWN_COLOURS) + 1}-ink)`;
}
