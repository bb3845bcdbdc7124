import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../contract';
import type { SimEndpoint } from './endpoint';

/** A call the worker could not answer: it was replaced (restarted, or another machine loaded). */
export class Interrupted extends Error {}

/**
 * The one worker the bridge talks to. Replacing it stops the old one and tells every call still
 * waiting on it (a file's trial boot, an export) that it will not be answered, so nothing the
 * page asked for waits forever.
 */
export class WorkerSlot {
  private endpoint: SimEndpoint | null = null;
  private remote: Remote<SimApi> | null = null;
  private generation = 0;
  private readonly waiting = new Set<(e: Error) => void>();
  /** Until then a call outside the frame loop (a file's trial boot) may keep the worker busy. */
  private busyUntil = 0;

  constructor(private readonly spawn: () => SimEndpoint) {}

  get api(): Remote<SimApi> | null {
    return this.remote;
  }

  /** The worker in the slot now (compare later with `holds`). */
  get current(): number {
    return this.generation;
  }

  /** Whether `gen` (from `replace`) is still the worker in the slot. */
  holds(gen: number): boolean {
    return gen === this.generation;
  }

  /** A fresh worker in place of the old one; `onError` hears only this one's errors. */
  replace(onError: () => void): { readonly gen: number; readonly api: Remote<SimApi> } {
    const gen = ++this.generation;
    this.drop();
    const endpoint = this.spawn();
    endpoint.onError(() => {
      if (gen === this.generation) onError();
    });
    this.endpoint = endpoint;
    const api = wrap<SimApi>(endpoint.port);
    this.remote = api;
    return { gen, api };
  }

  /** Stop the worker: nothing is left running, and what was waiting on it is told so. */
  drop(): void {
    this.endpoint?.terminate();
    this.endpoint = null;
    this.remote = null;
    for (const interrupt of this.waiting) interrupt(new Interrupted('the simulator was replaced'));
    this.waiting.clear();
  }

  /** A call outside the frame loop: answered, or `Interrupted` if the worker goes first. */
  aside<T>(ask: (api: Remote<SimApi>) => Promise<T>): Promise<T> {
    const api = this.remote;
    if (!api) return Promise.reject(new Error('the simulator is not ready'));
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      ask(api)
        .then(resolve, reject)
        .finally(() => this.waiting.delete(reject));
    });
  }

  /** `aside`, for a call that may hold the worker up to `ms`: the frame loop waits that long. */
  busyAside<T>(ms: number, ask: (api: Remote<SimApi>) => Promise<T>): Promise<T> {
    this.busyUntil = performance.now() + ms;
    return this.aside(ask).finally(() => {
      this.busyUntil = 0;
    });
  }

  /** Whether a frame asked at `since` and unanswered at `now` means the worker went silent. */
  silent(now: number, since: number, timeoutMs: number): boolean {
    return now - since > timeoutMs && now > this.busyUntil;
  }
}
