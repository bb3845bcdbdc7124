import { beforeAll, describe, expect, it } from 'vitest';
import { refusalProblem } from '../../../src/features/sharing/controller';
import { parseScenarioFile, scenarioFileText } from '../../../src/features/sharing/scenario-file';
import type { ScenarioFile } from '../../../src/contract';
import { loadLocale, translate } from '../../../src/i18n';
import { createMachine } from '../../../src/sim';
import { PRESET_IDS, preset } from '../../../src/sim/presets';
import { problemText } from '../../../src/features/sharing/problem-text';
import { createSimApi } from '../../../src/worker/api';

const fileOf = (id: (typeof PRESET_IDS)[number]): ScenarioFile => ({
  schema: 'mklab.scenario',
  v: 1,
  name: id,
  seed: 1,
  ...preset(id),
});

const words = (p: Parameters<typeof problemText>[1], lang: 'en' | 'es' = 'en') =>
  problemText((k, params) => translate(lang, k, params), p);

const problem = (f: unknown, lang: 'en' | 'es' = 'en') => {
  const r = parseScenarioFile(JSON.stringify(f));
  if (r.ok) throw new Error('accepted');
  return words(r.problem, lang);
};

/**
 * What the page says of a file the JSON checks accept but the machine refuses: the worker's
 * answer (asked of the worker's own API, as the page does) in the page's words.
 */
const refused = (f: ScenarioFile, lang: 'en' | 'es' = 'en') => {
  expect(parseScenarioFile(JSON.stringify(f)).ok).toBe(true);
  const r = createSimApi().checkScenario({ config: f.config, setup: f.setup }, f.seed);
  if (r === null) throw new Error('the machine boots it');
  return words(refusalProblem(r), lang);
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

  it('catches what the file alone says: dangling devices, duplicates, limits, format', () => {
    const two = fileOf('two-kernels');
    const a = two.setup.findIndex((x) => x.type === 'instance.create');
    expect(problem(withSetup(two, a, { devices: ['0000:99:00.0'] }))).toMatch(
      new RegExp(`^setup\\[${a}\\]\\.devices\\[0\\]: device 0000:99:00.0 does not exist`),
    );
    expect(problem(withSetup(two, a, { cpus: [4, 4] }))).toBe(
      `setup[${a}].cpus[1]: 4 is already used (setup[${a}].cpus[0])`,
    );
    expect(problem(withSetup(two, a, { name: 'Alpha' }))).toMatch(
      new RegExp(`^setup\\[${a}\\]\\.name: "Alpha" is not a valid name`),
    );
    expect(problem(withSetup(two, a, { type: 'instance.kill' }))).toBe(
      `setup[${a}].type: is not a step a setup may hold`,
    );
    expect(problem({ ...two, v: 2 })).toBe(
      'v: format version 2 is not one this app reads (it reads 1)',
    );
    expect(problem({ ...two, config: { ...two.config, cpus: 300 } })).toBe(
      'config.cpus: 300 is outside 1–256',
    );
    expect(problem({ ...two, config: { ...two.config, memoryMiB: 8200 } })).toBe(
      'config.memoryMiB: 8200 is not a multiple of 128',
    );
    expect(problem({ ...two, extra: 1 })).toBe('extra: is not a field of this format');
    expect(parseScenarioFile('x'.repeat(2 * 1024 * 1024)).ok).toBe(false);
  });

  it('what depends on the machine as it is built, the machine judges: its step and its words', () => {
    const two = fileOf('two-kernels');
    const creates = two.setup.flatMap((x, i) => (x.type === 'instance.create' ? [i] : []));
    const [a, b] = creates as [number, number];
    expect(refused(withSetup(two, b, { cpus: [5, 6] }))).toBe(
      `setup[${b}]: the machine refuses instance.create (EBUSY): ` +
        'CPU 5 is already owned by instance 1 (alpha)',
    );
    expect(refused(withSetup(two, b, { cpus: [5, 6] }), 'es')).toBe(
      `setup[${b}]: la máquina rechaza instance.create (EBUSY): ` +
        'CPU 5 is already owned by instance 1 (alpha)',
    );
    expect(refused(withSetup(two, b, { name: 'alpha' }))).toMatch(
      new RegExp(`^setup\\[${b}\\]: the machine refuses instance.create \\(EEXIST\\)`),
    );
    expect(refused(withSetup(two, a, { memMiB: 8192 }))).toMatch(
      new RegExp(`^setup\\[${a}\\]: the machine refuses instance.create \\(ENOMEM\\)`),
    );
    const w = two.setup.findIndex((x) => x.type === 'workload.start');
    expect(refused(withSetup(two, w, { kernel: 'gamma' }))).toBe(
      `setup[${w}]: the machine refuses workload.start (ENOENT): No such instance: gamma`,
    );
  });

  it('a file the checks accept boots on the simulator', () => {
    for (const id of PRESET_IDS) expect(() => createMachine(preset(id), 1)).not.toThrow();
  });
});
