import type { Frame, LabInput, LogEntry, Scenario, ScenarioRefusal, SimApi } from '../contract';
import type { Remote } from 'comlink';
import { bootWorker, failureOf, failureWords } from './boot';
import { WorkerSlot } from './worker-slot';
import {
  IDLE_FRAME_MS,
  MAX_FRAME_MS,
  WORKER_TIMEOUT_MS,
  type BridgeOptions,
  type Call,
  type Resume,
} from './bridge-options';
import { FramePace } from './frame-pace';
import { mirrorLog } from './input-log';
import { RateMeter } from './rate-meter';
import { startStore, type StartPlan } from '../store/start-store';
import { playbackStore, setPlaying, speedOf } from '../store/playback-store';
import { hasInputs, requeueInputs, takeInputs } from '../store/input-store';
import { receiveFrame, resetSim, simStore, sinceOf } from '../store/sim-store';
import { metaStore } from '../store/meta-store';
import { statusStore } from '../store/status-store';

/**
 * The main thread's end of the pipe: one frame request per animation frame, at most one in
 * flight; the input queue rides along. A silent or crashed worker is replaced and rebuilt from
 * start spec + seed + the log mirrored here, so nothing the user did is lost. The bridge owns the
 * start spec (scenario or lesson, seed, version, twin): it publishes it in `startStore`, and the
 * rest of the page changes it only through `prime`, `load` and `setTwin`.
 */
export class SimBridge {
  private readonly slot: WorkerSlot;
  private inFlight: readonly LabInput[] | null = null;
  private inFlightSince = 0;
  private pending: Promise<void> = Promise.resolve();
  /** The wall time the machine has been advanced to (the next advance covers from here). */
  private lastAdvance = -1;
  private lastSent = -Infinity;
  /** The worker's input log, mirrored from frames: what a restart replays. */
  private log: LogEntry[] = [];
  private spec: StartPlan;
  /** Where to stand after the next (non-restart) boot: resuming saved lesson progress. */
  private resumeAt: number | null = null;
  private readonly rate = new RateMeter();
  /** Whether a frame is asked for at each animation frame or, behind, every other (test hooks). */
  readonly pace = new FramePace();
  private readonly timeoutMs: number;

  constructor(readonly opts: BridgeOptions) {
    this.slot = new WorkerSlot(opts.spawn);
    this.timeoutMs = opts.timeoutMs ?? WORKER_TIMEOUT_MS;
    this.spec = opts.start;
    this.publish();
  }

  private publish(): void {
    startStore.setState({ spec: this.spec });
  }

  /** Boot the first machine, then run the frame loop. False when it did not boot (said why). */
  async start(): Promise<boolean> {
    const booted = await this.boot(false);
    (this.opts.raf ?? requestAnimationFrame)(this.tick);
    return booted;
  }

  get inputLog(): readonly LogEntry[] {
    return this.log;
  }

  /**
   * A fresh worker, built from the start spec (and, restarting, the mirrored log to the time the
   * page had reached). The worker's replay may be long: the page shows how far it has got and
   * may cancel it. A worker that does not answer, or a machine that cannot boot, is stopped and
   * the page says which and why. True when the machine runs.
   */
  private async boot(restart: boolean): Promise<boolean> {
    const { gen, api } = this.slot.replace(() => void this.restart('error'));
    const t = simStore.getState().t;
    const resume = !restart && this.resumeAt !== null ? { log: this.log, t: this.resumeAt } : null;
    const spec = { ...this.spec, ...(restart ? { log: this.log, t } : {}), ...(resume ?? {}) };
    statusStore.setState({ replay: null, stopped: null });
    try {
      const { hello, frame, stopped } = await bootWorker(api, spec, this.timeoutMs, (replay) => {
        if (this.slot.holds(gen)) statusStore.setState({ replay });
      });
      if (!this.slot.holds(gen)) return false;
      metaStore.setState({ constants: hello.constants, engine: hello.engine });
      this.resumeAt = null;
      // A lesson's deep link logs the earlier steps' solutions at init: mirror them.
      if (!restart) mirrorLog(this.log, frame);
      // A lesson brings its own twin setting: from now on the spec says what it chose.
      if (this.spec.twin !== (frame.twin !== null)) {
        this.spec = { ...this.spec, twin: frame.twin !== null };
        this.publish();
      }
      receiveFrame(frame);
      // A replay that stopped short stands there, paused, and the page says so.
      if (stopped) setPlaying(false);
      statusStore.setState({ phase: 'running', error: null, failure: null, replay: null, stopped });
      return true;
    } catch (e) {
      if (!this.slot.holds(gen)) return false;
      // The worker is stopped (never left spinning), and the page says why.
      this.slot.drop();
      const failure = failureOf(e, restart ? 'restart' : 'start');
      statusStore.setState({
        phase: 'failed',
        error: failureWords(failure),
        failure,
        replay: null,
      });
      return false;
    }
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
    await this.boot(true);
  }

  /** After a failure: boot again as the failed boot did (a start keeps its link or progress). */
  async retry(): Promise<boolean> {
    const f = statusStore.getState().failure;
    statusStore.setState({ phase: f?.during === 'restart' ? 'restarting' : 'starting' });
    return this.boot(f?.during === 'restart');
  }

  /** Stop a boot's replay where it stands (the machine opens there, paused, and says so). */
  cancelReplay(): void {
    void this.slot.api?.cancelReplay();
  }

  /** Each animation frame (behind, every other: frame-pace.ts), the next frame if none is in
   * flight. Playing, it covers the wall time since the last advance (capped), not since the last
   * animation frame: the machine never slows for a slow page; it is drawn less. */
  private readonly tick = (now: number): void => {
    (this.opts.raf ?? requestAnimationFrame)(this.tick);
    const pb = playbackStore.getState();
    const asks = this.pace.asks(now, pb.playing);
    if (pb.paced !== this.pace.paced) playbackStore.setState({ paced: this.pace.paced });
    if (statusStore.getState().phase !== 'running' || !this.slot.api) {
      this.lastAdvance = -1; // a machine that boots starts from its first frame, not before it
      return;
    }
    if (this.inFlight) {
      if (this.slot.silent(now, this.inFlightSince, this.timeoutMs)) void this.restart('timeout');
      return;
    }
    if (!asks) return;
    const dt = this.lastAdvance < 0 ? 0 : Math.min(MAX_FRAME_MS, now - this.lastAdvance);
    this.lastAdvance = now;
    const advanceNs = pb.playing ? Math.round((speedOf(pb) * dt) / 1000) : 0;
    // Paused with nothing to send, the page stays idle: a frame a second keeps the worker's
    // silence detectable, and an idle main thread lets the browser do its own work (Chromium's
    // service-worker update check waits while every animation frame keeps the thread busy).
    // A shell line blocked in a system call runs the machine ahead: it needs every frame.
    const blocked = simStore.getState().shell.at(-1)?.waiting === true;
    if (advanceNs === 0 && !hasInputs() && !blocked && now - this.lastSent < IDLE_FRAME_MS) return;
    this.lastSent = now;
    this.pace.sent();
    const inputs = takeInputs();
    this.send(
      inputs,
      this.slot.api.frame({ inputs, advanceNs, ...sinceOf(simStore.getState()) }),
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
    const gen = this.slot.current;
    this.inFlight = inputs;
    this.inFlightSince = now;
    const done = request.then(
      (f) => {
        if (!this.slot.holds(gen)) return;
        this.inFlight = null;
        mirrorLog(this.log, f);
        receiveFrame(f);
        this.rate.add(now, f.advancedNs, asked > 0, f.lagging);
      },
      () => {
        if (this.slot.holds(gen)) void this.restart('error');
      },
    );
    this.pending = done;
    return done;
  }

  /** Ask for one call outside the frame loop (step, seek), respecting the one-in-flight rule. */
  private async call(fn: Call, queued = false): Promise<void> {
    if (this.inFlight) await this.pending;
    if (!this.slot.api || this.inFlight || (queued && !hasInputs())) return;
    const inputs = queued ? takeInputs() : [];
    await this.send(inputs, fn(this.slot.api, inputs), performance.now(), 0);
  }

  /** Send the queued inputs now, not at the next animation frame (a hidden tab gets none). */
  flush(): Promise<void> {
    return this.call(
      (api, inputs) => api.frame({ inputs, advanceNs: 0, ...sinceOf(simStore.getState()) }),
      true,
    );
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

  /** The next boot's start, and the log it replays to `t` (progress, a link). A lesson brings
   *  its own twin setting; another machine keeps the twin as it is. */
  prime(start: StartPlan, resume?: Resume | null): void {
    const { twin: _ignored, ...rest } = start;
    this.spec = start.lesson ? rest : { ...rest, twin: start.twin ?? this.spec.twin ?? false };
    this.publish();
    this.log = resume ? [...resume.log] : [];
    this.resumeAt = resume ? resume.t : null;
  }

  /** Another machine (preset, seed, version, lesson) on a fresh worker and stores. False when
   *  it did not boot (refused, a worker that never answers): the page says why. */
  async load(start: StartPlan, resume?: Resume | null): Promise<boolean> {
    this.prime(start, resume);
    this.inFlight = null;
    resetSim();
    statusStore.setState({ phase: 'starting', lastRestart: null });
    return this.boot(false);
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
    return this.slot.aside((api) => api.exportTrace());
  }

  /**
   * Would this scenario boot? Asked of the running worker, which keeps its own machine; the trial
   * boot is bounded (`MAX_SETUP_EVENTS`), and the frame loop lets it finish before it calls the
   * worker silent. Rejects with `Interrupted` when the worker is replaced before it answers.
   */
  checkScenario(scenario: Scenario, seed: number): Promise<ScenarioRefusal | null> {
    if (!this.slot.api) return Promise.resolve(null);
    return this.slot.busyAside(this.timeoutMs * 4, (api) => api.checkScenario(scenario, seed));
  }

  async setTwin(on: boolean): Promise<void> {
    this.spec = { ...this.spec, twin: on };
    this.publish();
    await this.slot.api?.setTwin(on);
  }

  /** The running machine's scenario, as the worker resolved it (a preset's, under its version). */
  scenario(): Promise<Scenario> {
    return this.slot.aside((api) => api.scenario());
  }

  /** The machine's trace hash (the embed's paused state; the test hooks). */
  hash(): Promise<string> | undefined {
    return this.slot.api?.hash();
  }

  /** The worker itself, for the test hooks (e2e): a golden hash, a wedge, a crash. */
  get worker(): Remote<SimApi> | null {
    return this.slot.api;
  }
}
