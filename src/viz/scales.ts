/**
 * The two continuous scales the machine view needs, with d3-scale's arithmetic (normalize, clamp,
 * interpolate `a * (1 - t) + b * t`; an empty domain maps to the middle of the range), so the
 * machine view and the embed (≤ 120 KB, DESIGN §8) do not carry d3-scale and its dependencies.
 */
function normalize(a: number, b: number, clamp: boolean): (x: number) => number {
  const span = b - a;
  if (!span) return () => (Number.isNaN(span) ? NaN : 0.5);
  return clamp ? (x) => Math.max(0, Math.min(1, (x - a) / span)) : (x) => (x - a) / span;
}

const lerp = (a: number, b: number, t: number) => a * (1 - t) + b * t;

/** `scaleLinear().domain([d0, d1]).range([r0, r1])` (`.clamp(clamp)`). */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
  clamp = false,
): (x: number) => number {
  const t = normalize(d0, d1, clamp);
  return (x) => lerp(r0, r1, t(x));
}

/** `scaleSqrt().domain([d0, d1]).range([r0, r1])` (`.clamp(clamp)`); domain ≥ 0. */
export function sqrtScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
  clamp = false,
): (x: number) => number {
  const t = normalize(Math.sqrt(d0), Math.sqrt(d1), clamp);
  return (x) => lerp(r0, r1, t(Math.sqrt(x)));
}
