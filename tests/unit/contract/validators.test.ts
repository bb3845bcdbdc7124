import { describe, expect, it } from 'vitest';
import { LESSON_BOUNDS, stepsOf } from '../../../src/app/lesson-bounds';
import {
  PRESET_IDS,
  type Checked,
  type FileProblem,
  type LessonProgress,
  type Replay,
  type ScenarioFile,
} from '../../../src/contract';
import { machineConfig } from '../../../src/contract/validate/config';
import { parseEmbedCommand } from '../../../src/contract/validate/embed-command';
import { labInput } from '../../../src/contract/validate/lab-input';
import { inputLog } from '../../../src/contract/validate/log';
import { checked, readJson } from '../../../src/contract/validate/problem';
import { checkPresenterMessage } from '../../../src/contract/validate/presenter-message';
import { readProgressFile } from '../../../src/contract/validate/progress';
import { checkLinkParams, checkReplay } from '../../../src/contract/validate/replay-link';
import { scenario } from '../../../src/contract/validate/scenario';
import { checkScenarioFile } from '../../../src/contract/validate/scenario-file';
import { machineInput } from '../../../src/contract/validate/input';
import { preset } from '../../../src/sim/presets';

// One validator per boundary (src/contract/validate): a bad value is refused with the path of the
// bad field and the right code; a good one passes as it is.

const where = <T>(r: Checked<T>): Pick<FileProblem, 'path' | 'code'> | 'ok' =>
  r.ok ? 'ok' : { path: r.problem.path, code: r.problem.code };

const two = preset('two-kernels');
const create = two.setup.findIndex((x) => x.type === 'instance.create');
const withStep = (patch: Record<string, unknown>) => ({
  ...two,
  setup: two.setup.map((x, i) => (i === create ? { ...x, ...patch } : x)),
});
const lesson: LessonProgress = {
  step: 1,
  seed: 3,
  log: [{ atNs: 5, input: { type: 'lesson.step', step: 1 } }],
  t: 9,
  predictions: { 0: 1 },
  hints: {},
  cards: { 1: true },
  uiDone: {},
  quiz: {},
};
const progress = {
  schema: 'mklab.progress',
  v: 1,
  current: 'roots',
  lessons: { roots: lesson },
  finished: ['roots'],
  reached: { roots: 1 },
};
const replay: Replay = {
  schema: 1,
  engine: 1,
  config: { lesson: 'crash-containment', seed: 3 },
  log: [{ atNs: 1, input: { type: 'lesson.step', step: 2 } }],
};
const file: ScenarioFile = { schema: 'mklab.scenario', v: 1, name: 'x', seed: 1, ...two };

describe('contract validators: the bad field and its code', () => {
  const cases: [string, () => Checked<unknown>, Pick<FileProblem, 'path' | 'code'> | 'ok'][] = [
    ['machine input: good', () => checked(machineInput, two.setup[create]), 'ok'],
    [
      'machine input: a CPU list item',
      () => checked(machineInput, { ...two.setup[create], cpus: [4, 'x'] }),
      { path: 'cpus[1]', code: 'not-int' },
    ],
    [
      'machine input: a fault kind',
      () => checked(machineInput, { type: 'fault', kind: 'zap', target: 'a' }),
      { path: 'kind', code: 'not-one-of' },
    ],
    [
      'lab input: a shell line too long',
      () => checked(labInput(null), { type: 'shell.line', line: 'x'.repeat(1001) }),
      { path: 'line', code: 'too-long' },
    ],
    [
      'lab input: a lesson step past the lesson',
      () => checked(labInput(3), { type: 'lesson.step', step: 3 }),
      { path: 'step', code: 'range' },
    ],
    [
      'lab input: a lesson input in the sandbox',
      () => checked(labInput(null), { type: 'twin.only', input: { type: 'iommu.set', on: true } }),
      { path: 'type', code: 'lesson-only' },
    ],
    [
      'lab input: the twin-only input inside',
      () => checked(labInput(3), { type: 'twin.only', input: { type: 'iommu.set', on: 1 } }),
      { path: 'input.on', code: 'not-bool' },
    ],
    ['machine config: good', () => checked(machineConfig, two.config), 'ok'],
    [
      'machine config: NUMA nodes past the CPUs',
      () => checked(machineConfig, { ...two.config, cpus: 2, numaNodes: 3 }),
      { path: 'numaNodes', code: 'range' },
    ],
    [
      'machine config: a PCI address',
      () =>
        checked(machineConfig, {
          ...two.config,
          devices: [{ pci: '03:00.0', kind: 'nic', numa: 0 }],
        }),
      { path: 'devices[0].pci', code: 'pci' },
    ],
    ['scenario: every preset', () => checked(scenario, preset(PRESET_IDS[5])), 'ok'],
    [
      'scenario: a CPU the machine lacks',
      () => checked(scenario, withStep({ cpus: [4, 8] })),
      { path: `setup[${create}].cpus[1]`, code: 'cpu-missing' },
    ],
    [
      'scenario: an id past the last',
      () => checked(scenario, withStep({ id: 2048 })),
      { path: `setup[${create}].id`, code: 'range' },
    ],
    [
      'scenario: a step a setup may not hold',
      () => checked(scenario, withStep({ type: 'instance.delete', cpus: undefined })),
      { path: `setup[${create}].type`, code: 'not-setup' },
    ],
    [
      'input log: out of order',
      () =>
        checked(inputLog(null), [
          { atNs: 5, input: { type: 'shell.line', line: 'ls' } },
          { atNs: 4, input: { type: 'shell.line', line: 'ls' } },
        ]),
      { path: '[1].atNs', code: 'order' },
    ],
    ['replay link: good', () => checkReplay(replay, stepsOf), 'ok'],
    [
      'replay link: a step past the lesson in its log',
      () =>
        checkReplay(
          { ...replay, log: [{ atNs: 1, input: { type: 'lesson.step', step: 5 } }] },
          stepsOf,
        ),
      { path: 'log[0].input.step', code: 'range' },
    ],
    [
      'replay link: a newer schema is named before anything else',
      () => checkReplay({ extra: 1, schema: 2 }, stepsOf),
      { path: 'schema', code: 'schema' },
    ],
    [
      'replay link: the address step',
      () => checkLinkParams({ step: '0' }, replay, stepsOf),
      { path: 'step', code: 'range' },
    ],
    [
      'replay link: the address time',
      () => checkLinkParams({ t: '-5' }, replay, stepsOf),
      { path: 't', code: 'not-int' },
    ],
    ['progress file: good', () => readProgressFile(JSON.stringify(progress), LESSON_BOUNDS), 'ok'],
    [
      'progress file: a quiz answer past its choices',
      () =>
        readProgressFile(
          JSON.stringify({ ...progress, lessons: { roots: { ...lesson, quiz: { 0: 9 } } } }),
          LESSON_BOUNDS,
        ),
      { path: 'lessons.roots.quiz.0', code: 'range' },
    ],
    [
      'progress file: not JSON',
      () => readProgressFile('{', LESSON_BOUNDS),
      { path: '', code: 'not-json' },
    ],
    ['scenario file: good', () => checkScenarioFile(file), 'ok'],
    [
      'scenario file: a log entry',
      () => checkScenarioFile({ ...file, log: [{ atNs: 1, input: { type: 'nope' } }] }),
      { path: 'log[0].input.type', code: 'not-one-of' },
    ],
    ['json: too big', () => readJson('[]'.repeat(600), 1024), { path: '', code: 'too-big' }],
  ];
  for (const [name, run, expected] of cases) it(name, () => expect(where(run())).toEqual(expected));
});

describe('contract validators: the channels (anything else is dropped)', () => {
  it('an embed command with one field wrong is refused', () => {
    expect(parseEmbedCommand({ type: 'mklab:goto', v: 1, step: 2 })).toEqual({
      type: 'mklab:goto',
      v: 1,
      step: 2,
    });
    expect(parseEmbedCommand({ type: 'mklab:goto', v: 1, step: 100 })).toBeNull();
  });

  it('a presenter message with one field wrong is refused', () => {
    expect(checkPresenterMessage({ v: 1, type: 'hello' }, stepsOf)).toEqual({
      v: 1,
      type: 'hello',
    });
    const sync = { v: 1, type: 'sync', start: { scenario: 'web-db', seed: 1 }, logKey: 'k' };
    expect(checkPresenterMessage({ ...sync, log: [] }, stepsOf)).not.toBeNull();
    expect(
      checkPresenterMessage({ ...sync, log: [{ atNs: 1, input: { type: 'x' } }] }, stepsOf),
    ).toBeNull();
  });
});

describe('a problem is the first in document order', () => {
  it('of two bad fields, the one written first is named', () => {
    const { llcWays: _l, ...rest } = two.config;
    const versionFirst = { ...rest, version: 'v9', llcWays: 99 };
    const llcFirst = { llcWays: 99, ...rest, version: 'v9' };
    expect(Object.keys(versionFirst).indexOf('version')).toBe(0);
    expect(where(checked(machineConfig, versionFirst))).toEqual({
      path: 'version',
      code: 'not-one-of',
    });
    expect(where(checked(machineConfig, llcFirst))).toEqual({ path: 'llcWays', code: 'range' });
  });

  it('a duplicate names where the value was first given', () => {
    const r = checked(scenario, withStep({ cpus: [4, 5, 4] }));
    expect(r.ok === false && r.problem).toEqual({
      path: `setup[${create}].cpus[2]`,
      code: 'duplicate',
      params: { value: 4, other: `setup[${create}].cpus[0]` },
    });
  });
});
