import { describe, expect, it } from 'vitest';
import {
  MAX_SETUP_EVENTS,
  PRESET_IDS,
  type Boot,
  type LogEntry,
  type Scenario,
  type StartSpec,
} from '../../../src/contract';
import { createMachine, preset } from '../../../src/sim';
import { MS, S } from '../../../src/sim/time';
import { createSimApi } from '../../../src/worker/api';
import { Engine } from '../../../src/worker/engine';
import { bigMachineScenario } from '../../e2e/big-machine';
import { slowBootScenarioFile } from '../../e2e/slow-boot';

// Issue 11 (F1, F2): whatever a link, a file or a restart asks the worker to boot, the work is
// bounded — a setup by `MAX_SETUP_EVENTS`, a replay by its event budget — and a long replay
// answers how far it has got between its chunks and stops where the page cancels it.

const booted = (b: Boot) => {
  if (!b.ok) throw new Error(`did not boot: ${b.refusal.message}`);
  return b;
};
const slowScenario = (): Scenario => {
  const f = slowBootScenarioFile() as unknown as Scenario;
  return { config: f.config, setup: f.setup };
};
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('booting a setup is bounded', () => {
  it('a setup past MAX_SETUP_EVENTS is refused at its step, by the trial boot and by init', async () => {
    const api = createSimApi();
    const refusal = api.checkScenario(slowScenario(), 1);
    expect(refusal).toMatchObject({ budget: MAX_SETUP_EVENTS, code: null });
    expect(refusal?.step).toBeGreaterThan(0);
    expect(await api.init({ scenario: slowScenario(), seed: 1 })).toEqual({
      ok: false,
      refusal,
    });
  });

  it('every preset and the biggest machine the lab takes boot far inside it', () => {
    const big = bigMachineScenario() as unknown as Scenario;
    for (const scenario of [big, ...PRESET_IDS.map((id) => preset(id))]) {
      const m = createMachine(scenario, 1, MAX_SETUP_EVENTS);
      expect(m.counters.events).toBeLessThan(MAX_SETUP_EVENTS / 100);
    }
  });
});

describe('a replay to a far time', () => {
  it('answers how far it has got between chunks, and stops where it is cancelled', async () => {
    const api = createSimApi();
    const target = 1000 * S;
    const boot = api.init({ scenario: 'datacenter', seed: 1, t: target });
    let seen = api.replayProgress();
    while (!seen || seen.atNs === seen.fromNs) {
      await turn();
      seen = api.replayProgress();
    }
    expect(seen.targetNs).toBe(target);
    expect(seen.events).toBeGreaterThan(0);
    api.cancelReplay();
    const { frame, stopped } = booted(await boot);
    expect(stopped).toMatchObject({ reason: 'cancelled', targetNs: target });
    expect(frame.t).toBe(stopped?.atNs);
    expect(frame.t).toBeLessThan(target);
    expect(api.replayProgress()).toBeNull();
    // The machine stands there and answers.
    expect(api.hash()).toMatch(/^[0-9a-f]+$/);
  });

  it('stops where its event budget runs out, and says so', async () => {
    const api = createSimApi(400_000);
    const { frame, stopped } = booted(
      await api.init({ scenario: 'datacenter', seed: 1, t: 1000 * S }),
    );
    expect(stopped?.reason).toBe('events');
    expect(stopped?.events).toBeGreaterThanOrEqual(400_000);
    expect(frame.t).toBeLessThan(1000 * S);
  });

  it('reaches the same state in chunks as a replay in one go (a sandbox run, a lesson deep link)', async () => {
    // Some 600,000 events: several of the replay's chunks, with inputs in between.
    const log: LogEntry[] = [
      { atNs: 2 * S, input: { type: 'fault', kind: 'panic', target: 'app1' } },
      { atNs: 5 * S + 3 * MS, input: { type: 'shell.line', line: 'kerf show' } },
    ];
    const specs: StartSpec[] = [
      { scenario: 'datacenter', seed: 42, log, t: 9 * S },
      { scenario: 'two-kernels', seed: 1, lesson: 'crash-containment', step: 2 },
    ];
    for (const spec of specs) {
      const api = createSimApi();
      const { frame, stopped } = booted(await api.init(spec));
      const once = Engine.start(spec);
      expect(stopped).toBeNull();
      expect({ t: frame.t, hash: api.hash(), lesson: frame.lesson }).toEqual({
        t: once.now,
        hash: once.hash(),
        lesson: once.lessonStatus(),
      });
    }
  });
});
