import { createStore } from 'zustand/vanilla';
import type { StartSpec } from '../contract';

/** What a machine starts from, less the log and time: the bridge's, and only the bridge writes it. */
export type StartPlan = Omit<StartSpec, 'log' | 't'>;

/**
 * The running machine's start spec (scenario or lesson, seed, version, twin) as the bridge
 * (src/bridge/sim-bridge.ts) holds it: the page reads it here and changes it only by asking the
 * bridge (`load`, `prime`, `setTwin`).
 */
export const startStore = createStore<{ readonly spec: StartPlan }>(() => ({
  spec: { scenario: 'two-kernels', seed: 1 },
}));
