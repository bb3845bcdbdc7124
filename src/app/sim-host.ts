import { expose } from 'comlink';
import { workerEndpoint, type SimEndpoint } from '../bridge/endpoint';

/*
 * The composition root's one door to the simulator: the only page module that may name
 * src/worker at run time (eslint.config.js, `SIM_HOST`). Everything else on the page speaks the
 * contract (src/contract) to a SimBridge built with one of these.
 */

/** The simulator in its Web Worker (the normal case; a side machine for stills and videos). */
export function workerSim(): SimEndpoint {
  return workerEndpoint(
    new Worker(new URL('../worker/sim.worker.ts', import.meta.url), {
      type: 'module',
      name: 'sim',
    }),
  );
}

declare global {
  interface Window {
    /** The simulator's worker, started by index.html's inline script (scripts/first-paint.ts). */
    mklabSim?: unknown;
  }
}

/**
 * The page's own machine's simulator. The first time, the worker the built page's inline script
 * started (its script fetched, compiled and run, ≈ 300 ms, while the page's own modules load:
 * issue 14, a deep link's time); a new one after, or when there is none.
 */
export function mainWorkerSim(): SimEndpoint {
  const early = window.mklabSim;
  delete window.mklabSim;
  return early instanceof Worker ? workerEndpoint(early) : workerSim();
}

/**
 * The simulator on the page's own thread, behind a MessageChannel and loaded on demand so the
 * normal bundle does not carry it: `?mainthread` (comparing frame times) and embeds in frames
 * that forbid workers.
 */
export function mainThreadSim(): SimEndpoint {
  const { port1, port2 } = new MessageChannel();
  void import('../worker/api').then(({ createSimApi }) => expose(createSimApi(), port1));
  port2.start();
  return { port: port2, terminate: () => port2.close(), onError: () => undefined };
}
