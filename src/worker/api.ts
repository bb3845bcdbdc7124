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
import {
  ENGINE_VERSION,
  MAX_REPLAY_EVENTS,
  MAX_SETUP_EVENTS,
  type ReplayProgress,
  type ScenarioRefusal,
  type SimApi,
} from '../contract';
import { exportChromeTrace } from './chrome-trace';
import { Engine } from './engine';

/** Why a scenario would not boot, in the form the page reads; null for an error of another kind. */
function refusalOf(e: unknown): ScenarioRefusal | null {
  if (!(e instanceof ScenarioError)) return null;
  if (e.refused) {
    const { step, input, error } = e.refused;
    return { step, type: input.type, code: error.code, message: error.message };
  }
  if (e.overBudget) {
    const { step, input } = e.overBudget;
    return { step, type: input.type, code: null, message: e.message, budget: MAX_SETUP_EVENTS };
  }
  return { step: null, type: null, code: null, message: e.message };
}

/** A boot's replay while it runs: where it began and aims, and whether the page cancelled it. */
interface Booting {
  readonly engine: Engine;
  readonly fromNs: number;
  readonly targetNs: number;
  readonly events0: number;
  cancelled: boolean;
}

function progressOf(b: Booting): ReplayProgress {
  const { engine, fromNs, targetNs, events0 } = b;
  return { fromNs, atNs: engine.now, targetNs, events: engine.machine.counters.events - events0 };
}

/**
 * The simulator as the page sees it (`SimApi`, src/contract/api.ts). The worker exposes it
 * through Comlink (sim.worker.ts); `?mainthread` and the embed's fallback expose the same object
 * on a MessageChannel. Tests may lower the replay's event budget to see it stop.
 */
export function createSimApi(maxReplayEvents = MAX_REPLAY_EVENTS): SimApi {
  let engine: Engine | null = null;
  let booting: Booting | null = null;
  const need = (): Engine => {
    if (!engine) throw new Error('the machine is not started: call init first');
    return engine;
  };
  const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    hello: () => ({ engine: ENGINE_VERSION, constants: CONSTANTS }),
    async init(spec) {
      engine = null;
      let e: Engine;
      try {
        e = Engine.prepare(spec);
      } catch (err) {
        const refusal = refusalOf(err);
        if (refusal) return { ok: false, refusal };
        throw err;
      }
      const events0 = e.machine.counters.events;
      const run: Booting = {
        engine: e,
        fromNs: e.now,
        targetNs: e.replayTarget ?? e.now,
        events0,
        cancelled: false,
      };
      booting = run;
      try {
        // A far time costs events, not wall time the page can see: the replay runs in chunks,
        // answering `replayProgress` between them, until it is there, cancelled or out of events.
        const over = () => e.machine.counters.events - events0 >= maxReplayEvents;
        const reached = await e.replay(spec, yieldNow, () => run.cancelled || over());
        engine = e;
        const stopped = reached
          ? null
          : {
              ...progressOf(run),
              reason: run.cancelled ? ('cancelled' as const) : ('events' as const),
            };
        return {
          ok: true,
          frame: e.makeFrame([], null, 0, false, { sinceHappening: -1 }),
          stopped,
        };
      } finally {
        if (booting === run) booting = null;
      }
    },
    replayProgress: () => (booting ? progressOf(booting) : null),
    cancelReplay() {
      if (booting) booting.cancelled = true;
    },
    checkScenario(scenario, seed) {
      try {
        createMachine(scenario, seed, MAX_SETUP_EVENTS);
        return null;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return refusalOf(e) ?? { step: null, type: null, code: null, message };
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
