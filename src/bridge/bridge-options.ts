import type { Remote } from 'comlink';
import type { Frame, LabInput, LogEntry, SimApi } from '../contract';
import type { StartPlan } from '../store/start-store';
import type { SimEndpoint } from './endpoint';

// The bridge's settings and the shapes its methods share (sim-bridge.ts).

/** A worker that has not answered for this long is restarted (DESIGN §4). */
export const WORKER_TIMEOUT_MS = 5000;
/** Longest wall time one frame may cover: after a stall we do not leap ahead. */
export const MAX_FRAME_MS = 100;
/** Paused and idle, the page asks for a frame this often (to notice a silent worker). */
export const IDLE_FRAME_MS = 1000;

/** A log to replay and the time to stand at (a link, saved progress, a file). */
export type Resume = { readonly log: readonly LogEntry[]; readonly t: number };
/** A request outside the frame loop; `inputs` are the queued ones it carries, if asked to. */
export type Call = (api: Remote<SimApi>, inputs: LabInput[]) => Promise<Frame>;

export interface BridgeOptions {
  readonly spawn: () => SimEndpoint;
  /** The first machine (the page may `prime` another before `start`). */
  readonly start: StartPlan;
  readonly timeoutMs?: number;
  /** Injected for tests; the page uses requestAnimationFrame and performance.now. */
  readonly raf?: (cb: (now: number) => void) => number;
}
