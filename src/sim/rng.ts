/**
 * sfc32: four 32-bit words of state, integer operations only, so every engine computes the same
 * stream. The state is a plain array so it lives inside the machine and survives structuredClone.
 */
export type RngState = [number, number, number, number];

export function seedRng(seed: number, stream: number): RngState {
  const s: RngState = [0x9e3779b9 ^ (seed >>> 0), (seed / 0x100000000) >>> 0, stream >>> 0, 1];
  for (let i = 0; i < 15; i++) nextU32(s);
  return s;
}

export function nextU32(s: RngState): number {
  const a = s[0];
  const b = s[1];
  const c = s[2];
  const d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  const r = (c << 21) | (c >>> 11);
  s[2] = (r + t) | 0;
  return t >>> 0;
}

/**
 * Exponential quantiles ×1000 for 64 equal-probability buckets (midpoints), precomputed once as
 * -ln(1 - (i + 0.5) / 64) so the sim needs no Math.log. Mean ≈ 995.
 */
const EXP_TABLE = [
  8, 24, 40, 56, 73, 90, 107, 125, 143, 161, 179, 198, 217, 237, 257, 277, 298, 319, 341, 363, 386,
  409, 433, 458, 483, 508, 535, 562, 589, 618, 647, 678, 709, 741, 774, 809, 845, 882, 920, 960,
  1002, 1045, 1091, 1138, 1188, 1241, 1297, 1356, 1418, 1485, 1556, 1633, 1717, 1808, 1908, 2019,
  2144, 2287, 2454, 2655, 2906, 3243, 3753, 4852,
];

/** An exponentially distributed integer with the given mean (integer arithmetic). */
export function expInt(s: RngState, mean: number): number {
  const q = EXP_TABLE[nextU32(s) & 63] as number;
  return Math.max(1, Math.floor((mean * q) / 1000));
}
