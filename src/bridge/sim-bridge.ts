import type { Frame, LabInput, LogEntry, Scenario, ScenarioRefusal, SimApi } from '../contract';
import { wrap, type Remote } from 'comlink';
import { withTimeout, type SimEndpoint } from './endpoint';
import { RateMeter } from './rate-meter';
import { startStore, type StartPlan } from '../store/start-store';
import { playbackStore, speedOf } from '../store/playback-store';
import { hasInputs, requeueInputs, takeInputs } from '../store/input-store';
import { receiveFrame, resetSim, simStore, sinceOf } from '../store/sim-store';
import { metaStore } from '../store/meta-store';
import { statusStore } from '../store/status-store';

/** A worker that has not answered for this long is restarted (DESIGN §4). */
export const WORKER_TIMEOUT_MS = 5000;
/** Longest wall time one frame may cover: after a stall we do not leap ahead. */
const MAX_FRAME_MS = 100;
/** Paused and idle, the page asks for a frame this often (to notice a silent worker). */
const IDLE_FRAME_MS = 1000;

export interface BridgeOptions {
  readonly spawn: () => SimEndpoint;
  /** The first machine (the page may `prime` another before `start`). */
  readonly start: StartPlan;
  readonly timeoutMs?: number;
  /** Injected for tests; the page uses requestAnimationFrame and performance.now. */
  readonly raf?: (cb: (now: number) => void) => number;
  readonly cancelRaf?: (id: number) => void;
}

/**
 * The main thread's end of the pipe: one frame request per animation frame, at most one in
 * flight; the input queue rides along. A silent or crashed worker is replaced and rebuilt from
 * start spec + seed + the log mirrored here, so nothing the user did is lost. The bridge owns the
 * start spec (scenario or lesson, seed, version, twin): it publishes it in `startStore`, and the
 * rest of the page changes it only through `prime`, `load` and `setTwin`.
 */
export class SimBridge {
  private worker: SimEndpoint | null = null;
  private api: Remote<SimApi> | null = null;
  private inFlight: readonly LabInput[] | null = null;
  private inFlightSince = 0;
  private pending: Promise<void> = Promise.resolve();
  private lastTick = -1;
  private lastSent = -Infinity;
  private rafId = 0;
  private generation = 0;
  /** The worker's input log, mirrored from frames: what a restart replays. */
  private log: LogEntry[] = [];
  private spec: StartPlan;
  /** Where to stand after the next (non-restart) boot: resuming saved lesson progress. */
  private resumeAt: number | null = null;
  private readonly rate = new RateMeter();
  private readonly timeoutMs: number;

  constructor(readonly opts: BridgeOptions) {
    this.timeoutMs = opts.timeoutMs ?? WORKER_TIMEOUT_MS;
    this.spec = opts.start;
    this.publish();
  }

  private publish(): void {
    startStore.setState({ spec: this.spec });
  }

  async start(): Promise<void> {
    try {
      await this.boot(false);
    } catch (e) {
      statusStore.setState({ phase: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
    this.rafId = (this.opts.raf ?? requestAnimationFrame)(this.tick);
  }

  stop(): void {
    (this.opts.cancelRaf ?? cancelAnimationFrame)(this.rafId);
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  get inputLog(): readonly LogEntry[] {
    return this.log;
  }

  private async boot(restart: boolean): Promise<void> {
    const gen = ++this.generation;
    this.worker?.terminate();
    const worker = this.opts.spawn();
    worker.onError(() => {
      if (gen === this.generation) void this.restart('error');
    });
    this.worker = worker;
    const api = wrap<SimApi>(worker.port);
    this.api = api;
    // The handshake: the worker answers once its module has loaded.
    const hello = await withTimeout(api.hello(), this.timeoutMs);
    metaStore.setState({ constants: hello.constants, engine: hello.engine });
    const t = simStore.getState().t;
    const resume = !restart && this.resumeAt !== null ? { log: this.log, t: this.resumeAt } : null;
    this.resumeAt = null;
    const frame = await withTimeout(
      api.init({
        ...this.spec,
        ...(restart ? { log: this.log, t } : {}),
        ...(resume ?? {}),
      }),
      this.timeoutMs * 4,
    );
    if (gen !== this.generation) return;
    // A lesson's deep link logs the earlier steps' solutions at init: mirror them.
    if (!restart) this.mirror(frame);
    // A lesson brings its own twin setting: from now on the spec says what it chose.
    if (this.spec.twin !== (frame.twin !== null)) {
      this.spec = { ...this.spec, twin: frame.twin !== null };
      this.publish();
    }
    receiveFrame(frame);
    statusStore.setState({ phase: 'running', error: null });
  }

  private async restart(reason: 'timeout' | 'error'): Promise<void> {
    if (statusStore.getState().phase === 'restarting') return;
    statusStore.setState((s) => ({
      phase: 'restarting',
      restarts: s.restarts + 1,
      lastRestart: { reason, replayed: this.log.length },
    }));
    if (this.inFlight) requeueInputs(this.inFlight);
    this.inFlight = null;
    try {
      await this.boot(true);
    } catch (e) {
      statusStore.setState({ phase: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  private readonly tick = (now: number): void => {
    this.rafId = (this.opts.raf ?? requestAnimationFrame)(this.tick);
    const dt = this.lastTick < 0 ? 0 : Math.min(MAX_FRAME_MS, now - this.lastTick);
    this.lastTick = now;
    if (statusStore.getState().phase !== 'running' || !this.api) return;
    if (this.inFlight) {
      if (now - this.inFlightSince > this.timeoutMs) void this.restart('timeout');
      return;
    }
    const pb = playbackStore.getState();
    const advanceNs = pb.playing ? Math.round((speedOf(pb) * dt) / 1000) : 0;
    // Paused with nothing to send, the page stays idle: a frame a second keeps the worker's
    // silence detectable, and an idle main thread lets the browser do its own work (Chromium's
    // service-worker update check waits while every animation frame keeps the thread busy).
    if (advanceNs === 0 && !hasInputs() && now - this.lastSent < IDLE_FRAME_MS) return;
    this.lastSent = now;
    const inputs = takeInputs();
    this.send(
      inputs,
      this.api.frame({ inputs, advanceNs, ...sinceOf(simStore.getState()) }),
      now,
      advanceNs,
    );
  };

  private send(
    inputs: readonly LabInput[],
    request: Promise<Frame>,
    now: number,
    asked: number,
  ): Promise<void> {
    const gen = this.generation;
    this.inFlight = inputs;
    this.inFlightSince = now;
    const done = request.then(
      (f) => {
        if (gen !== this.generation) return;
        this.inFlight = null;
        this.mirror(f);
        receiveFrame(f);
        this.rate.add(now, f.advancedNs, asked > 0 && f.lagging);
      },
      () => {
        if (gen === this.generation) void this.restart('error');
      },
    );
    this.pending = done;
    return done;
  }

  private mirror(f: Frame): void {
    // A rewind to a lesson step also shortens the log.
    if (f.fork || f.applied.length > 0 || f.logLength < this.log.length) {
      this.log.length = Math.max(0, f.logLength - f.applied.length);
      for (const a of f.applied) this.log.push({ atNs: a.atNs, input: a.input });
    }
  }

  /** Ask for one call outside the frame loop (step, seek), respecting the one-in-flight rule. */
  private async call(fn: (api: Remote<SimApi>) => Promise<Frame>): Promise<void> {
    if (this.inFlight) await this.pending;
    if (!this.api || this.inFlight) return;
    await this.send([], fn(this.api), performance.now(), 0);
  }

  stepEvent(): Promise<void> {
    return this.call((api) => api.stepEvent(sinceOf(simStore.getState())));
  }

  skipToHappening(maxNs: number): Promise<void> {
    return this.call((api) => api.skipToHappening(sinceOf(simStore.getState()), maxNs));
  }

  seek(t: number): Promise<void> {
    return this.call((api) => api.seek(Math.max(0, Math.round(t)), sinceOf(simStore.getState())));
  }

  /**
   * What the next boot starts from, and (saved lesson progress, a link) the log it replays to
   * `t`. A lesson brings its own twin setting; another machine keeps the twin as it is.
   */
  prime(
    start: StartPlan,
    resume?: { readonly log: readonly LogEntry[]; readonly t: number } | null,
  ): void {
    const { twin: _ignored, ...rest } = start;
    this.spec = start.lesson ? rest : { ...rest, twin: start.twin ?? this.spec.twin ?? false };
    this.publish();
    this.log = resume ? [...resume.log] : [];
    this.resumeAt = resume ? resume.t : null;
  }

  /** Another machine (preset, seed, version, or a lesson): a fresh worker and fresh stores. */
  async load(
    start: StartPlan,
    resume?: { readonly log: readonly LogEntry[]; readonly t: number } | null,
  ): Promise<void> {
    this.prime(start, resume);
    this.inFlight = null;
    resetSim();
    statusStore.setState({ phase: 'starting', lastRestart: null });
    try {
      await this.boot(false);
    } catch (e) {
      // A scenario the machine refuses (or a worker that never answers) must not leave the page
      // waiting forever: say why.
      statusStore.setState({ phase: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The lesson step's "show me" (`jump`: straight to its end). */
  showMe(jump: boolean): Promise<void> {
    return this.call((api) => api.showMe(jump, sinceOf(simStore.getState())));
  }

  /** Stand where lesson step `step` began, dropping what came after (back, reset step). */
  rewindToStep(step: number): Promise<void> {
    return this.call((api) => api.rewindToStep(step, sinceOf(simStore.getState())));
  }

  get startSpec(): StartPlan {
    return this.spec;
  }

  exportTrace(): Promise<string> {
    return this.api
      ? this.api.exportTrace()
      : Promise.reject(new Error('the simulator is not ready'));
  }

  /** Would this scenario boot? Asked of the running worker, which keeps its own machine. */
  checkScenario(scenario: Scenario, seed: number): Promise<ScenarioRefusal | null> {
    return this.api ? this.api.checkScenario(scenario, seed) : Promise.resolve(null);
  }

  async setTwin(on: boolean): Promise<void> {
    this.spec = { ...this.spec, twin: on };
    this.publish();
    await this.api?.setTwin(on);
  }

  /** The running machine's scenario, as the worker resolved it (a preset's, under its version). */
  scenario(): Promise<Scenario> {
    return this.api ? this.api.scenario() : Promise.reject(new Error('the simulator is not ready'));
  }

  /** Test hooks (e2e): the trace hash, a golden hash computed in the worker, a wedged worker. */
  hash(): Promise<string> | undefined {
    return this.api?.hash();
  }

  goldenHash(seed: number): Promise<{ hash: string; events: number }> | undefined {
    return this.api?.goldenHash(seed);
  }

  hangWorker(): void {
    void this.api?.hang();
  }

  crashWorker(): void {
    void this.api?.crash();
  }
}
