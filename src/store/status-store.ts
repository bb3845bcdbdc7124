import { createStore } from 'zustand/vanilla';
import type { ReplayProgress, ReplayStop, ScenarioRefusal } from '../contract';

export type WorkerPhase = 'starting' | 'running' | 'restarting' | 'failed';

/**
 * Why a boot failed, and whether it was a first start (a page, a link, a file, another machine)
 * or a restart after the worker went silent or crashed. The worker is stopped in every case.
 */
export type BootFailure = { readonly during: 'start' | 'restart' } & (
  | { readonly kind: 'silent'; readonly ms: number }
  | { readonly kind: 'refused'; readonly refusal: ScenarioRefusal }
  | { readonly kind: 'error'; readonly message: string }
);

export interface StatusState {
  readonly phase: WorkerPhase;
  readonly restarts: number;
  /** Why the last restart happened, and how many inputs were replayed to rebuild the state. */
  readonly lastRestart: { readonly reason: 'timeout' | 'error'; readonly replayed: number } | null;
  /** The failure in words (English), for logs and the embed; `failure` says it in the page's. */
  readonly error: string | null;
  readonly failure: BootFailure | null;
  /** A boot's replay while it runs: how far it has got (the page shows it and offers Cancel). */
  readonly replay: ReplayProgress | null;
  /** The last boot's replay stopped short of its time (cancelled, or out of events): said. */
  readonly stopped: ReplayStop | null;
}

export const statusStore = createStore<StatusState>(() => ({
  phase: 'starting',
  restarts: 0,
  lastRestart: null,
  error: null,
  failure: null,
  replay: null,
  stopped: null,
}));
