import { describe, expect, it } from 'vitest';
import { parseScenarioFile, scenarioFileText } from '../../../src/features/sharing/scenario-file';
import { MAX_WARMUP_NS, type ScenarioFile } from '../../../src/contract';
import { translate } from '../../../src/i18n';
import { problemText } from '../../../src/features/sharing/problem-text';
import { createMachine, twinScenario } from '../../../src/sim';
import { preset } from '../../../src/sim/presets';
import { MS } from '../../../src/sim/time';

// A scenario may run a while after its setup before it opens (`warmupNs`), so its workloads
// have measured windows — L9's step 4 compares web's p99 with its value when the step began,
// and a lesson that opens before any window closed gave 0: a check nobody could meet.

const file = (warmupNs?: number): ScenarioFile => ({
  schema: 'mklab.scenario',
  v: 1,
  name: 'warm',
  seed: 1,
  ...preset('datacenter'),
  ...(warmupNs === undefined ? {} : { warmupNs }),
});

describe('a scenario’s warm-up', () => {
  it('opens the machine that much later, with its workloads measured; the twin alike', () => {
    const cold = createMachine(preset('datacenter'), 1);
    const warm = createMachine({ ...preset('datacenter'), warmupNs: 300 * MS }, 1);
    expect(warm.now).toBe(cold.now + 300 * MS);
    const measured = warm.workloads.filter((w) => (w.history.at(-1)?.p99 ?? 0) > 0);
    expect(measured.length).toBeGreaterThan(0);
    const twin = createMachine(twinScenario({ ...preset('datacenter'), warmupNs: 300 * MS }), 1);
    const coldTwin = createMachine(twinScenario(preset('datacenter')), 1);
    expect(twin.now).toBe(coldTwin.now + 300 * MS);
  });

  it('shares the setup’s event budget: past it, the scenario is refused, naming warmupNs', () => {
    expect(() =>
      createMachine({ ...preset('datacenter'), warmupNs: 10_000 * MS }, 1, 5_000),
    ).toThrow(/warmupNs: the warm-up takes more than 5000 events/);
  });

  it('travels in a scenario file and reads back exactly; out of range is refused by name', () => {
    const text = scenarioFileText(file(250 * MS));
    const r = parseScenarioFile(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(scenarioFileText(r.value)).toBe(text);
    expect(text).toContain('"warmupNs": 250000000');
    for (const bad of [-1, 0.5, MAX_WARMUP_NS + 1]) {
      const p = parseScenarioFile(JSON.stringify(file(bad)));
      expect(p.ok, String(bad)).toBe(false);
      if (!p.ok)
        expect(problemText((k, q) => translate('en', k, q), p.problem)).toContain('warmupNs');
    }
  });
});
