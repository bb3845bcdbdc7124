import {
  CONSTANTS,
  createMachine,
  GOLDEN_LOG,
  GOLDEN_UNTIL,
  preset,
  replay,
  ScenarioError,
  traceHash,
} from '../sim';
import { ENGINE_VERSION, type SimApi } from '../contract';
import { exportChromeTrace } from './chrome-trace';
import { Engine } from './engine';

/**
 * The simulator as the page sees it (`SimApi`, src/contract/api.ts). The worker exposes it
 * through Comlink (sim.worker.ts); `?mainthread` and the embed's fallback expose the same object
 * on a MessageChannel.
 */
export function createSimApi(): SimApi {
  let engine: Engine | null = null;
  const need = (): Engine => {
    if (!engine) throw new Error('the machine is not started: call init first');
    return engine;
  };
  const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    hello: () => ({ engine: ENGINE_VERSION, constants: CONSTANTS }),
    init(spec) {
      engine = Engine.start(spec);
      return engine.makeFrame([], null, 0, false, { sinceHappening: -1 });
    },
    checkScenario(scenario, seed) {
      try {
        createMachine(scenario, seed);
        return null;
      } catch (e) {
        if (e instanceof ScenarioError && e.refused) {
          const { step, input, error } = e.refused;
          return { step, type: input.type, code: error.code, message: error.message };
        }
        const message = e instanceof Error ? e.message : String(e);
        return { step: null, type: null, code: null, message };
      }
    },
    showMe(jump, since) {
      const e = need();
      e.showMe(jump);
      return e.makeFrame([], null, 0, false, since);
    },
    async rewindToStep(step, since) {
      const e = need();
      await e.rewindToStep(step, yieldNow);
      return e.makeFrame([], null, 0, false, since);
    },
    frame: (req) => need().frame(req),
    stepEvent: (since) => need().stepEvent(since),
    skipToHappening: (since, maxNs) => need().skipToHappening(since, maxNs),
    async seek(t, since) {
      const e = need();
      await e.seek(t, yieldNow);
      return e.makeFrame([], null, 0, false, since);
    },
    setTwin: (on) => need().setTwin(on),
    scenario: () => need().scenario,
    hash: () => need().hash(),
    exportTrace() {
      const e = need();
      return exportChromeTrace(e.scenario, e.seed, e.logEntries, e.now);
    },
    goldenHash(seed) {
      const m = replay(preset('datacenter'), seed, GOLDEN_LOG, GOLDEN_UNTIL);
      return { hash: traceHash(m), events: m.counters.events };
    },
    hang() {
      for (;;) {
        /* spin: the bridge must notice the silence and restart us */
      }
    },
    crash() {
      setTimeout(() => {
        throw new Error('test hook: worker crash');
      }, 0);
    },
  };
}
