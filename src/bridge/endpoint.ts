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

export class Timeout extends Error {}

/** `p`, or a `Timeout` after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout(`no answer in ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
