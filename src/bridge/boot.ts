import type { Remote } from 'comlink';
import type {
  Boot,
  Frame,
  Hello,
  ReplayProgress,
  ReplayStop,
  SimApi,
  StartSpec,
} from '../contract';
import type { BootFailure } from '../store/status-store';

/** How often a boot asks the worker how far its replay has got. */
export const PROGRESS_EVERY_MS = 250;

/** A boot that failed, and why (the bridge adds whether it was a start or a restart). */
export class BootError extends Error {
  constructor(readonly failure: DistributiveOmit<BootFailure, 'during'>) {
    super(failureWords({ ...failure, during: 'start' }));
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The failure in English words, for logs and `statusStore.error` (the page says it in its own). */
export function failureWords(f: BootFailure): string {
  const what = f.during === 'start' ? 'the machine did not start' : 'the simulator did not restart';
  switch (f.kind) {
    case 'silent':
      return `${what}: no answer in ${f.ms / 1000} s, so the worker was stopped`;
    case 'refused':
      return `${what}: ${f.refusal.message}`;
    case 'error':
      return `${what}: ${f.message}`;
  }
}

/** `p`, or a BootError "silent" once `ms` pass without an answer. */
export function answerWithin<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new BootError({ kind: 'silent', ms })), ms);
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

/**
 * Ask the worker to boot `spec` and watch it: while it replays, ask how far it has got (each
 * answer shows the worker is alive, and `onProgress` shows it on the page); when nothing has
 * answered for `silenceMs` — a worker stuck in one long step — give up with a BootError
 * "silent" (the caller stops the worker). A boot that keeps answering may take as long as its
 * replay needs: the page shows how far it is and can cancel it.
 */
export function watchInit(
  api: Pick<Remote<SimApi>, 'init' | 'replayProgress'>,
  spec: StartSpec,
  silenceMs: number,
  onProgress: (p: ReplayProgress) => void,
): Promise<Boot> {
  return new Promise<Boot>((resolve, reject) => {
    let heard = performance.now();
    let asking = false;
    let done = false;
    const finish = (then: () => void) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      then();
    };
    const timer = setInterval(() => {
      if (performance.now() - heard > silenceMs)
        return finish(() => reject(new BootError({ kind: 'silent', ms: silenceMs })));
      if (asking) return;
      asking = true;
      api.replayProgress().then(
        (p) => {
          asking = false;
          heard = performance.now();
          if (p && !done) onProgress(p);
        },
        () => {
          asking = false;
        },
      );
    }, PROGRESS_EVERY_MS);
    api.init(spec).then(
      (b) => finish(() => resolve(b)),
      (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/**
 * The whole boot on a fresh worker: the handshake (answered once its module has loaded, within
 * `timeoutMs`), then `watchInit` (silent for at most four times that). A machine the worker
 * refuses is a BootError "refused".
 */
export async function bootWorker(
  api: Pick<Remote<SimApi>, 'hello' | 'init' | 'replayProgress'>,
  spec: StartSpec,
  timeoutMs: number,
  onProgress: (p: ReplayProgress) => void,
): Promise<{ hello: Hello; frame: Frame; stopped: ReplayStop | null }> {
  const hello = await answerWithin(api.hello(), timeoutMs);
  const boot = await watchInit(api, spec, timeoutMs * 4, onProgress);
  if (!boot.ok) throw new BootError({ kind: 'refused', refusal: boot.refusal });
  return { hello, frame: boot.frame, stopped: boot.stopped };
}

/** What a failed boot threw, as the page reports it. */
export function failureOf(e: unknown, during: 'start' | 'restart'): BootFailure {
  if (e instanceof BootError) return { ...e.failure, during };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e), during };
}
