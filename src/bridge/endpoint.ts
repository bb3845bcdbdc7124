/** Where the simulator runs: a Web Worker, or (debug, blocked workers) a MessagePort on this thread. */
export interface SimEndpoint {
  readonly port: Worker | MessagePort;
  terminate(): void;
  onError(cb: () => void): void;
}

export function workerEndpoint(worker: Worker): SimEndpoint {
  return {
    port: worker,
    terminate: () => worker.terminate(),
    onError: (cb) =>
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        cb();
      }),
  };
}
