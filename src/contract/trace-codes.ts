/**
 * Per-kernel trace records (src/sim/trace.ts): a kind and two numbers, folded into each kernel's
 * trace hash. A "cross" kind involves another kernel or shared hardware; containment
 * (docs/architecture.md) lets two runs differ first at a cross record. The numbers are part of
 * the golden hashes: change one and the engine version must change.
 */
export const OWN_TRACE_KINDS = [
  'life',
  'job',
  'arrive',
  'done',
  'miss',
  'io',
  'rt',
  'proc',
] as const;
export const CROSS_TRACE_KINDS = [
  'rx',
  'tx',
  'fate',
  'observe',
  'pressure',
  'stall',
  'corrupt',
  'timeout',
  'ipi',
] as const;
export const TRACE_KINDS = [...OWN_TRACE_KINDS, ...CROSS_TRACE_KINDS] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

/** `life` records: the instance's new state , or a fault. */
export const LIFE = { ready: 0, loaded: 1, active: 2, failed: 3, lockup: 8, panic: 9 } as const;

/** `fate` records of a refused send. */
export const FATE_CODE = { targetHalted: 1, ringFull: 2, targetGone: 3 } as const;

/**
 * `observe` records: the host saw a spawn change. Zero or more is the spawn's epoch at a state
 * change (0 when created); the negative codes are these.
 */
export const OBSERVE = { killTimeout: -1, halted: -2, deleted: -3 } as const;
