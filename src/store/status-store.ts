import { createStore } from 'zustand/vanilla';

export type WorkerPhase = 'starting' | 'running' | 'restarting' | 'failed';

export interface StatusState {
  readonly phase: WorkerPhase;
  readonly restarts: number;
  /** Why the last restart happened, and how many inputs were replayed to rebuild the state. */
  readonly lastRestart: { readonly reason: 'timeout' | 'error'; readonly replayed: number } | null;
  readonly error: string | null;
}

export const statusStore = createStore<StatusState>(() => ({
  phase: 'starting',
  restarts: 0,
  lastRestart: null,
  error: null,
}));
