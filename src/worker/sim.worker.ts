import { expose } from 'comlink';
import { GOLDEN_LOG, GOLDEN_UNTIL, preset, replay, traceHash, type PresetId } from '../sim';
import { Engine, type EngineInit, type Frame, type FrameRequest } from './engine';

export type StartSpec = Omit<EngineInit, 'scenario'> & {
  readonly scenario: EngineInit['scenario'] | PresetId;
};

/** The sim's engine version: in every replay link, so an old link can say why it differs. */
export const ENGINE_VERSION = 1;

let engine: Engine | null = null;

const need = (): Engine => {
  if (!engine) throw new Error('the machine is not started: call init first');
  return engine;
};

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Everything the main thread may ask of the worker. Only `type SimApi` crosses the boundary. */
const api = {
  hello(): { engine: number } {
    return { engine: ENGINE_VERSION };
  },
  /** Start (or rebuild, after a restart) from a preset or a scenario, a seed and a log. */
  init(spec: StartSpec): Frame {
    const scenario = typeof spec.scenario === 'string' ? preset(spec.scenario) : spec.scenario;
    engine = new Engine({ ...spec, scenario });
    return engine.makeFrame([], null, 0, false, -1);
  },
  frame(req: FrameRequest): Frame {
    return need().frame(req);
  },
  stepEvent(sinceHappening: number): Frame {
    return need().stepEvent(sinceHappening);
  },
  async seek(t: number, sinceHappening: number): Promise<Frame> {
    const e = need();
    await e.seek(t, yieldNow);
    return e.makeFrame([], null, 0, false, sinceHappening);
  },
  setTwin(on: boolean): void {
    need().setTwin(on);
  },
  hash(): string {
    return need().hash();
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

export type SimApi = typeof api;
expose(api);
