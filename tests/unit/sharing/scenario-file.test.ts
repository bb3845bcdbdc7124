import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseScenarioFile,
  scenarioFileText,
  type ScenarioFile,
} from '../../../src/app/sharing/scenario-file';
import { loadLocale, translate } from '../../../src/i18n';
import { createMachine } from '../../../src/sim';
import { PRESET_IDS, preset } from '../../../src/sim/presets';
import { problemText } from '../../../src/ui/share/problem-text';

const fileOf = (id: (typeof PRESET_IDS)[number]): ScenarioFile => ({
  schema: 'mklab.scenario',
  v: 1,
  name: id,
  seed: 1,
  ...preset(id),
});

const problem = (f: unknown, lang: 'en' | 'es' = 'en') => {
  const r = parseScenarioFile(JSON.stringify(f));
  if (r.ok) throw new Error('accepted');
  return problemText((k, p) => translate(lang, k, p), r.problem);
};

/** A copy with one setup input changed. */
function withSetup(f: ScenarioFile, i: number, patch: Record<string, unknown>): ScenarioFile {
  const setup = f.setup.map((x, j) => (j === i ? { ...x, ...patch } : x));
  return { ...f, setup } as ScenarioFile;
}

describe('scenario files', () => {
  beforeAll(() => loadLocale('es'));

  it('every preset, written as a file, is accepted and reads back exactly', () => {
    for (const id of PRESET_IDS) {
      const text = scenarioFileText(fileOf(id));
      const r = parseScenarioFile(text);
      expect(r.ok, id).toBe(true);
      if (r.ok) expect(scenarioFileText(r.value)).toBe(text);
    }
  });

  it('names the first bad field, in words, in both languages', () => {
    const two = fileOf('two-kernels');
    // setup: toPool 4–7, then create alpha on [4, 5]: make its second CPU one the machine lacks.
    const i = two.setup.findIndex((x) => x.type === 'instance.create');
    expect(problem(withSetup(two, i, { cpus: [4, 9] }))).toBe(
      `setup[${i}].cpus[1]: CPU 9 does not exist (the machine has 8)`,
    );
    expect(problem(withSetup(two, i, { cpus: [4, 9] }), 'es')).toBe(
      `setup[${i}].cpus[1]: la CPU 9 no existe (la máquina tiene 8)`,
    );
  });

  it('catches overlaps, dangling references, duplicates and machine limits', () => {
    const two = fileOf('two-kernels');
    const creates = two.setup.flatMap((x, i) => (x.type === 'instance.create' ? [i] : []));
    const [a, b] = creates as [number, number];
    expect(problem(withSetup(two, b, { cpus: [5, 6] }))).toBe(
      `setup[${b}].cpus[0]: CPU 5 already belongs to alpha`,
    );
    expect(problem(withSetup(two, b, { name: 'alpha' }))).toMatch(
      new RegExp(`^setup\\[${b}\\]\\.name: "alpha" is already used`),
    );
    expect(problem(withSetup(two, a, { memMiB: 8192 }))).toBe(
      `setup[${a}].memMiB: 8192 MiB asked, but only 4096 MiB of the pool is free`,
    );
    const w = two.setup.findIndex((x) => x.type === 'workload.start');
    expect(problem(withSetup(two, w, { kernel: 'gamma' }))).toBe(
      `setup[${w}].kernel: no instance named "gamma" exists at this point`,
    );
    expect(problem(withSetup(two, a, { devices: ['0000:99:00.0'] }))).toMatch(
      new RegExp(`^setup\\[${a}\\]\\.devices\\[0\\]: device 0000:99:00.0 does not exist`),
    );
    expect(problem({ ...two, v: 2 })).toBe(
      'v: format version 2 is not one this app reads (it reads 1)',
    );
    expect(problem({ ...two, config: { ...two.config, cpus: 300 } })).toBe(
      'config.cpus: 300 is outside 1–256',
    );
    expect(problem({ ...two, extra: 1 })).toBe('extra: is not a field of this format');
    expect(parseScenarioFile('x'.repeat(2 * 1024 * 1024)).ok).toBe(false);
  });

  it('a file the checks accept boots on the simulator', () => {
    for (const id of PRESET_IDS) expect(() => createMachine(preset(id), 1)).not.toThrow();
  });
});
