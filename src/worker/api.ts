import {
  CONSTANTS,
  createMachine,
  GOLDEN_LOG,
  GOLDEN_UNTIL,
  preset,
  replay,
  traceHash,
  type PresetId,
  type ProposalVersion,
  type Scenario,
} from '../sim';
import { LESSONS } from '../lessons';
import { exportChromeTrace } from './chrome-trace';
import { ENGINE_VERSION } from './engine-version';
import { Engine, type EngineInit, type Frame, type FrameRequest, type Since } from './engine';

export type StartSpec = Omit<EngineInit, 'scenario'> & {
  /** Ignored for a lesson, which brings its own. */
  readonly scenario: EngineInit['scenario'] | PresetId;
  /** With `lesson`: stand at the start of this step (0-based), replaying earlier solutions. */
  readonly step?: number;
  /** Start the preset under another proposal version. */
  readonly version?: ProposalVersion;
};

export { ENGINE_VERSION };

/**
 * Everything the main thread may ask of the simulator. The worker exposes it through Comlink
 * (sim.worker.ts); the "sim on the main thread" debug switch exposes the same object on a
 * MessageChannel. Only `type SimApi` crosses into the page's layers.
 */
export function createSimApi() {
  let engine: Engine | null = null;
  const need = (): Engine => {
    if (!engine) throw new Error('the machine is not started: call init first');
    return engine;
  };
  const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const api = {
    hello(): { engine: number; constants: typeof CONSTANTS } {
      return { engine: ENGINE_VERSION, constants: CONSTANTS };
    },
    /** Start (or rebuild, after a restart) from a preset or a scenario, a seed and a log. */
    init(spec: StartSpec): Frame {
      const base = typeof spec.scenario === 'string' ? preset(spec.scenario) : spec.scenario;
      const scenario = spec.version
        ? { ...base, config: { ...base.config, version: spec.version } }
        : base;
      engine = new Engine({
        ...spec,
        scenario: spec.lesson ? LESSONS[spec.lesson].scenario : scenario,
      });
      if (spec.lesson && spec.step && !spec.log) engine.gotoStep(spec.step);
      return engine.makeFrame([], null, 0, false, { sinceHappening: -1 });
    },
    /**
     * Would this scenario boot? An imported file is tried here, on the side, before the running
     * machine is replaced: the page keeps its state when the machine refuses a setup step.
     */
    checkScenario(scenario: Scenario, seed: number): string | null {
      try {
        createMachine(scenario, seed);
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    /** The lesson step's "show me" (`jump`: straight to its end, until its goals hold). */
    showMe(jump: boolean, since: Since): Frame {
      const e = need();
      e.showMe(jump);
      return e.makeFrame([], null, 0, false, since);
    },
    /** Back or reset: stand where lesson step `step` began, dropping what came after. */
    async rewindToStep(step: number, since: Since): Promise<Frame> {
      const e = need();
      await e.rewindToStep(step, yieldNow);
      return e.makeFrame([], null, 0, false, since);
    },
    frame(req: FrameRequest): Frame {
      return need().frame(req);
    },
    stepEvent(since: Since): Frame {
      return need().stepEvent(since);
    },
    skipToHappening(since: Since, maxNs: number): Frame {
      return need().skipToHappening(since, maxNs);
    },
    async seek(t: number, since: Since): Promise<Frame> {
      const e = need();
      await e.seek(t, yieldNow);
      return e.makeFrame([], null, 0, false, since);
    },
    setTwin(on: boolean): void {
      need().setTwin(on);
    },
    hash(): string {
      return need().hash();
    },
    /** The run so far as Chrome trace-event JSON (a replay with full recording). */
    exportTrace(): string {
      const e = need();
      return exportChromeTrace(e.scenario, e.seed, e.logEntries, e.now);
    },
    /** The golden trace hash of the busy preset, computed in this engine (the e2e test compares). */
    goldenHash(seed: number): { hash: string; events: number } {
      const m = replay(preset('datacenter'), seed, GOLDEN_LOG, GOLDEN_UNTIL);
      return { hash: traceHash(m), events: m.counters.events };
    },
    /** Test hook: make the worker stop answering, as a crashed or wedged worker would. */
    hang(): void {
      for (;;) {
        /* spin: the bridge must notice the silence and restart us */
      }
    },
    crash(): void {
      setTimeout(() => {
        throw new Error('test hook: worker crash');
      }, 0);
    },
  };
  return api;
}

export type SimApi = ReturnType<typeof createSimApi>;
