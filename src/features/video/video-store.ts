import { createStore } from 'zustand/vanilla';

/**
 * The last step video made on this page: its frame count, each frame's pixel hash and caption line. Read by
 * the test hooks (two recordings of the same step and seed must agree frame by frame).
 */
export const videoStore = createStore<{
  readonly last: {
    readonly frames: number;
    readonly hashes: readonly string[];
    readonly notes: readonly string[];
  } | null;
}>(() => ({ last: null }));
