/** Simulated time is an integer count of nanoseconds (safe up to 2^53 ns, about 104 days). */
export const US = 1_000;
export const MS = 1_000_000;
export const S = 1_000_000_000;
export const GIB = 1024;
export { BLOCK_MIB } from '../contract';
