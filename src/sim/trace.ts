import { CROSS_TRACE_KINDS, TRACE_KINDS, type TraceKind } from '../contract';
import type { Instance, Machine } from './types';

export type { TraceKind } from '../contract';

/** Containment (docs/architecture.md) lets two runs differ first at a record of these kinds. */
export const CROSS_KINDS: ReadonlySet<TraceKind> = new Set(CROSS_TRACE_KINDS);
/**
 * Each kind's code (its place in TRACE_KINDS, from 1), as `rec` folds it in. Call sites name the
 * code (`TRACE.job`): a fixed property is a fast load where a lookup by the kind's string, with
 * every kind passing through `rec`, cost tens of ns per record.
 */
export const TRACE = Object.fromEntries(TRACE_KINDS.map((k, i) => [k, i + 1])) as {
  readonly [K in TraceKind]: number;
};

/** FNV-style 32-bit mixing with Math.imul: the same bits in every engine. */
export function mix(h: number, v: number): number {
  h ^= v & 0xffff;
  h = Math.imul(h, 0x01000193);
  h ^= (v >>> 16) & 0xffff;
  h = Math.imul(h, 0x01000193);
  return h >>> 0;
}

const P = 0x01000193;

// hashEvent and rec run `mix` written out on int32 values, one `>>> 0` per stored word rather
// than per step: the same bits, without turning each step's unsigned result back into a double
// (they run once or more per event).
export function hashEvent(m: Machine, k: number, a: number, b: number): void {
  const now = m.now;
  let lo = m.hashLo;
  lo = Math.imul(Math.imul(lo ^ (k & 0xffff), P) ^ ((k >>> 16) & 0xffff), P);
  lo = mixTime(lo, now);
  lo = Math.imul(Math.imul(lo ^ (a & 0xffff), P) ^ ((a >>> 16) & 0xffff), P);
  let hi = m.hashHi ^ lo;
  hi = Math.imul(Math.imul(hi ^ (b & 0xffff), P) ^ ((b >>> 16) & 0xffff), P);
  hi = Math.imul(Math.imul(hi ^ (k & 0xffff), P) ^ ((k >>> 16) & 0xffff), P);
  m.hashLo = lo >>> 0;
  m.hashHi = hi >>> 0;
}

/** `mix` of a time (an integer below 2^53) as two words, low then high, on int32. */
function mixTime(h: number, t: number): number {
  const lo = t >>> 0;
  // floor(t / 2^32) for a time (an integer below 2^53): t - lo is a multiple of 2^32, so the
  // product by 2^-32 is exact, and a multiply is cheaper than a divide (twice per event or more).
  const hi = (t - lo) * 2.3283064365386963e-10;
  h = Math.imul(Math.imul(h ^ (lo & 0xffff), P) ^ ((lo >>> 16) & 0xffff), P);
  return Math.imul(Math.imul(h ^ (hi & 0xffff), P) ^ ((hi >>> 16) & 0xffff), P);
}

/** A trace record of kind `code` (a TRACE value) in `inst`'s trace hash (and trace, if kept). */
export function rec(m: Machine, inst: Instance, code: number, a: number, b: number): void {
  let h = inst.traceHash;
  h = Math.imul(Math.imul(h ^ (code & 0xffff), P) ^ ((code >>> 16) & 0xffff), P);
  h = mixTime(h, m.now);
  h = Math.imul(Math.imul(h ^ (a & 0xffff), P) ^ ((a >>> 16) & 0xffff), P);
  h = Math.imul(Math.imul(h ^ (b & 0xffff), P) ^ ((b >>> 16) & 0xffff), P);
  inst.traceHash = h >>> 0;
  if (inst.trace) inst.trace.push(`${m.now} ${TRACE_KINDS[code - 1] as TraceKind} ${a} ${b}`);
}

export function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** The machine's trace hash as 16 hex digits. */
export function traceHash(m: Machine): string {
  return m.hashHi.toString(16).padStart(8, '0') + m.hashLo.toString(16).padStart(8, '0');
}
