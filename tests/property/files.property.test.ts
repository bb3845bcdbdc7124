import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { importProgress, importScenario, type Context } from '../../src/app/sharing/controller';
import {
  MAX_PROGRESS_CHARS,
  parseProgressFile,
  progressFileText,
} from '../../src/app/sharing/progress-file';
import {
  MAX_SCENARIO_CHARS,
  parseScenarioFile,
  scenarioFileText,
  scenarioOf,
  type ScenarioFile,
} from '../../src/app/sharing/scenario-file';
import { CONTENT, LESSON_ORDER } from '../../src/content';
import type { LessonSlug } from '../../src/lessons/types';
import { createMachine, type Input } from '../../src/sim';
import type { DeviceSpec } from '../../src/sim/types';
import { playbackStore } from '../../src/store/playback-store';
import type { LessonProgress, Progress } from '../../src/store/progress';
import { shareStore } from '../../src/store/share-store';

// Import/export (issue 6 item 7): valid generated files are accepted and read back exactly;
// one mutated field is refused with a message naming that field, and nothing changes.

const RUNS = { numRuns: 150 };
const PCI = ['0000:03:00.0', '0000:04:00.0', '0000:05:00.0'];

/** A valid scenario: github machine, spawns on disjoint CPUs (never CPU 0), memory within the pool. */
const scenarioArb = fc
  .record({
    cpus: fc.integer({ min: 2, max: 16 }),
    blocks: fc.integer({ min: 32, max: 256 }),
    poolShare: fc.integer({ min: 8, max: 24 }),
    devices: fc.subarray(PCI),
    spawns: fc.array(
      fc.record({ cpus: fc.integer({ min: 1, max: 3 }), blocks: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 3 },
    ),
    lend: fc.boolean(),
    ids: fc.boolean(),
    name: fc.string({ minLength: 1, maxLength: 80 }),
    seed: fc.integer({ min: 0, max: 2 ** 40 }),
    withLog: fc.boolean(),
  })
  .map((g): ScenarioFile => {
    const devices: DeviceSpec[] = g.devices.map((pci, i) => ({
      pci,
      kind: (['nic', 'nvme', 'serial'] as const)[i % 3] as DeviceSpec['kind'],
      numa: 0,
    }));
    const setup: Input[] = [];
    let next = 1;
    let blocksLeft = g.poolShare;
    const spawned: { name: string; cpus: number[]; devices: string[] }[] = [];
    const freeDevices = [...g.devices];
    for (const [k, s] of g.spawns.entries()) {
      const cpus = [...Array(s.cpus).keys()].map((j) => next + j).filter((c) => c < g.cpus);
      if (cpus.length === 0 || s.blocks > blocksLeft) continue;
      next += cpus.length;
      blocksLeft -= s.blocks;
      const lent = g.lend && freeDevices.length > 0 ? [freeDevices.shift() as string] : [];
      spawned.push({ name: `k${k}`, cpus, devices: lent });
    }
    for (const s of spawned) for (const cpu of s.cpus) setup.push({ type: 'cpu.toPool', cpu });
    for (const [k, s] of spawned.entries()) {
      setup.push({
        type: 'instance.create',
        name: s.name,
        cpus: s.cpus,
        memMiB: 128,
        ...(s.devices.length ? { devices: s.devices } : {}),
        ...(g.ids ? { id: 10 + k } : {}),
      });
      setup.push({ type: 'instance.load', name: s.name });
      setup.push({ type: 'instance.exec', name: s.name });
    }
    setup.push({ type: 'workload.start', name: 'web', kernel: 'host', kind: 'server', load: 500 });
    for (const s of spawned) {
      setup.push({
        type: 'workload.start',
        name: `svc-${s.name}`,
        kernel: s.name,
        kind: 'service',
      });
      if (s.devices[0])
        setup.push({
          type: 'workload.start',
          name: `io-${s.name}`,
          kernel: s.name,
          kind: 'io',
          device: s.devices[0],
        });
    }
    const target = spawned[0]?.name ?? 'host';
    return {
      schema: 'mklab.scenario',
      v: 1,
      name: g.name,
      seed: g.seed,
      config: {
        version: 'github',
        cpus: g.cpus,
        numaNodes: 1,
        memoryMiB: g.blocks * 128,
        poolMiB: Math.min(g.poolShare, g.blocks - 8) * 128,
        devices,
        iommu: false,
        llcWays: 12,
        monolithic: false,
      },
      setup,
      ...(g.withLog
        ? {
            log: [
              { atNs: 1_000_000, input: { type: 'fault', kind: 'panic', target } },
              { atNs: 2_000_000, input: { type: 'shell.line', line: 'kerf ls' } },
            ],
            t: 3_000_000,
          }
        : {}),
    } as ScenarioFile;
  })
  .filter(
    (f) => f.config.poolMiB >= 128 * f.setup.filter((x) => x.type === 'instance.create').length,
  );

/** One field broken, and the path the message must name. */
type Mutation = { readonly file: unknown; readonly path: string; readonly code: string };

function indices(f: ScenarioFile, type: Input['type']): number[] {
  return f.setup.flatMap((x, i) => (x.type === type ? [i] : []));
}

function patch(f: ScenarioFile, i: number, p: Record<string, unknown>): ScenarioFile {
  return { ...f, setup: f.setup.map((x, j) => (j === i ? { ...x, ...p } : x)) } as ScenarioFile;
}

function scenarioMutations(f: ScenarioFile): Mutation[] {
  const creates = indices(f, 'instance.create');
  const out: Mutation[] = [
    { file: { ...f, v: 2 }, path: 'v', code: 'version' },
    { file: { ...f, schema: 'mklab.progress' }, path: 'schema', code: 'schema' },
    { file: { ...f, config: { ...f.config, cpus: 0 } }, path: 'config.cpus', code: 'range' },
    {
      file: { ...f, config: { ...f.config, poolMiB: f.config.memoryMiB } },
      path: 'config.poolMiB',
      code: 'range',
    },
    { file: { ...f, seed: -1 }, path: 'seed', code: 'range' },
    { file: { ...f, name: 'x'.repeat(81) }, path: 'name', code: 'too-long' },
    {
      file: { ...f, name: 'x'.repeat(MAX_SCENARIO_CHARS) },
      path: '',
      code: 'too-big',
    },
  ];
  const w = indices(f, 'workload.start')[0] as number;
  out.push({
    file: patch(f, w, { kernel: 'ghost' }),
    path: `setup[${w}].kernel`,
    code: 'no-instance',
  });
  out.push({ file: patch(f, w, { load: 1001 }), path: `setup[${w}].load`, code: 'range' });
  if (creates.length > 0) {
    const c = creates[0] as number;
    out.push({
      file: patch(f, c, { cpus: [f.config.cpus] }),
      path: `setup[${c}].cpus[0]`,
      code: 'cpu-missing',
    });
    out.push({
      file: patch(f, c, { memMiB: f.config.poolMiB + 128 }),
      path: `setup[${c}].memMiB`,
      code: 'memory-pool',
    });
    out.push({
      file: patch(f, c + 1, { name: 'ghost' }),
      path: `setup[${c + 1}].name`,
      code: 'no-instance',
    });
    out.push({
      file: patch(f, c, { devices: ['0000:99:00.0'] }),
      path: `setup[${c}].devices[0]`,
      code: 'device-missing',
    });
  }
  if (creates.length > 1) {
    const [a, b] = creates as [number, number];
    const first = f.setup[a] as Extract<Input, { type: 'instance.create' }>;
    out.push({
      file: patch(f, b, { cpus: [first.cpus[0]] }),
      path: `setup[${b}].cpus[0]`,
      code: 'cpu-owned',
    });
    out.push({
      file: patch(f, b, { name: first.name }),
      path: `setup[${b}].name`,
      code: 'duplicate',
    });
    // Without an explicit id the first spawn took the lowest free one, 1.
    out.push({
      file: patch(f, b, { id: first.id ?? 1 }),
      path: `setup[${b}].id`,
      code: 'duplicate',
    });
    if (first.devices?.[0])
      out.push({
        file: patch(f, b, { devices: [first.devices[0]] }),
        path: `setup[${b}].devices[0]`,
        code: 'device-lent',
      });
  }
  if (f.log?.length) {
    out.push({
      file: { ...f, log: [f.log[1], f.log[0]] },
      path: 'log[1].atNs',
      code: 'order',
    });
  }
  return out;
}

/** A fake composition root: records whether anything was replaced. */
function fakeContext() {
  const load = vi.fn(() => Promise.resolve());
  const replace = vi.fn();
  const ctx = {
    bridge: {
      checkScenario: () => Promise.resolve(null),
      load,
      startSpec: { scenario: 'two-kernels', seed: 1 },
      inputLog: [],
    },
    lessons: { replace, snapshot: () => ({}) },
    preset: 'two-kernels',
  } as unknown as Context;
  return { ctx, load, replace };
}

const stores = () => ({ share: shareStore.getState(), playback: playbackStore.getState() });

describe('scenario files (property)', () => {
  it('valid generated files are accepted, read back exactly, and boot', () => {
    fc.assert(
      fc.property(scenarioArb, (f) => {
        const text = scenarioFileText(f);
        const r = parseScenarioFile(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual(f);
        expect(scenarioFileText(r.value)).toBe(text);
        // The checks are not laxer than the machine: what they accept, the simulator boots.
        expect(() => createMachine(scenarioOf(r.value), f.seed)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('one mutated field is refused, naming that field, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (f, pick) => {
        const all = scenarioMutations(f);
        const m = all[pick % all.length] as Mutation;
        const r = parseScenarioFile(JSON.stringify(m.file));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect({ path: r.problem.path, code: r.problem.code }).toEqual({
          path: m.path,
          code: m.code,
        });
        const { ctx, load } = fakeContext();
        const before = stores();
        const result = await importScenario(ctx, JSON.stringify(m.file));
        expect(result.ok).toBe(false);
        expect(load).not.toHaveBeenCalled();
        expect(stores()).toEqual(before);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------

function lessonArb(slug: LessonSlug): fc.Arbitrary<LessonProgress> {
  const c = CONTENT[slug];
  const steps = c.steps.length;
  const perStep = <T>(value: (i: number) => fc.Arbitrary<T>) =>
    fc
      .tuple(...c.steps.map((_, i) => fc.option(value(i), { nil: undefined })))
      .map((xs) => Object.fromEntries(xs.flatMap((x, i) => (x === undefined ? [] : [[i, x]]))));
  return fc.record({
    step: fc.integer({ min: 0, max: steps - 1 }),
    seed: fc.integer({ min: 0, max: 2 ** 40 }),
    log: fc.array(fc.integer({ min: 0, max: steps - 1 }), { maxLength: 5 }).map((ss) =>
      ss.map((step, i) => ({
        atNs: (i + 1) * 1_000_000,
        input: { type: 'lesson.step' as const, step },
      })),
    ),
    t: fc.integer({ min: 0, max: 1e12 }),
    predictions: perStep((i) =>
      fc.integer({ min: 1, max: Math.max(1, c.steps[i]?.predict.choices ?? 1) }),
    ),
    hints: perStep((i) => fc.integer({ min: 0, max: c.steps[i]?.hints ?? 0 })),
    cards: perStep(() => fc.boolean()),
    uiDone: perStep(() => fc.boolean()),
    quiz: fc
      .tuple(
        ...c.quiz.map((q) => fc.option(fc.integer({ min: 1, max: q.choices }), { nil: undefined })),
      )
      .map((xs) => Object.fromEntries(xs.flatMap((x, i) => (x === undefined ? [] : [[i, x]])))),
  });
}

const progressArb: fc.Arbitrary<Progress> = fc
  .subarray([...LESSON_ORDER], { minLength: 1 })
  .chain((slugs) =>
    fc.record({
      lessons: fc
        .tuple(...slugs.map(lessonArb))
        .map((ps) => Object.fromEntries(slugs.map((s, i) => [s, ps[i]]))),
      current: fc.option(fc.constantFrom(...slugs), { nil: null }),
      finished: fc.subarray([...LESSON_ORDER]),
      reached: fc
        .subarray(slugs)
        .chain((rs) =>
          fc
            .tuple(...rs.map((s) => fc.integer({ min: 0, max: CONTENT[s].steps.length - 1 })))
            .map((ns) => Object.fromEntries(rs.map((s, i) => [s, ns[i]]))),
        ),
    }),
  )
  .map((g) => ({
    v: 1 as const,
    current: g.current,
    lessons: g.lessons,
    finished: g.finished,
    reached: g.reached,
  }));

function progressMutations(p: Progress): Mutation[] {
  const file = JSON.parse(progressFileText(p)) as Record<string, unknown>;
  const slug = Object.keys(p.lessons)[0] as LessonSlug;
  const entry = p.lessons[slug] as LessonProgress;
  const steps = CONTENT[slug].steps.length;
  const missing = LESSON_ORDER.find((s) => !(s in p.lessons));
  const withEntry = (e: Record<string, unknown>) => ({
    ...file,
    lessons: { ...p.lessons, [slug]: { ...entry, ...e } },
  });
  const out: Mutation[] = [
    { file: { ...file, v: 99 }, path: 'v', code: 'version' },
    { file: withEntry({ step: steps }), path: `lessons.${slug}.step`, code: 'range' },
    { file: withEntry({ seed: 1.5 }), path: `lessons.${slug}.seed`, code: 'not-int' },
    {
      file: withEntry({ predictions: { [steps]: 1 } }),
      path: `lessons.${slug}.predictions.${steps}`,
      code: 'range',
    },
    {
      file: { ...file, lessons: { ...p.lessons, 'no-such-lesson': entry } },
      path: 'lessons.no-such-lesson',
      code: 'not-one-of',
    },
    {
      file: { ...file, finished: [slug, slug] },
      path: 'finished[1]',
      code: 'duplicate',
    },
    { file: { ...file, reached: { [slug]: steps } }, path: `reached.${slug}`, code: 'range' },
    {
      file: withEntry({
        log: [
          { atNs: 5, input: { type: 'lesson.step', step: 0 } },
          { atNs: 4, input: { type: 'lesson.step', step: 0 } },
        ],
      }),
      path: `lessons.${slug}.log[1].atNs`,
      code: 'order',
    },
    { file: { ...file, extra: true }, path: 'extra', code: 'unknown-field' },
    { file: { ...file, pad: 'x'.repeat(MAX_PROGRESS_CHARS) }, path: '', code: 'too-big' },
  ];
  if (missing)
    out.push({ file: { ...file, current: missing }, path: `lessons.${missing}`, code: 'missing' });
  return out;
}

describe('progress files (property)', () => {
  it('valid generated files are accepted and read back exactly', () => {
    fc.assert(
      fc.property(progressArb, (p) => {
        const text = progressFileText(p);
        const r = parseProgressFile(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual(p);
        expect(progressFileText(r.value)).toBe(text);
      }),
      RUNS,
    );
  });

  it('one mutated field is refused, naming that field, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(progressArb, fc.nat(), async (p, pick) => {
        const all = progressMutations(p);
        const m = all[pick % all.length] as Mutation;
        const text = JSON.stringify(m.file);
        const r = parseProgressFile(text);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect({ path: r.problem.path, code: r.problem.code }).toEqual({
          path: m.path,
          code: m.code,
        });
        const { ctx, replace } = fakeContext();
        const result = await importProgress(ctx, text);
        expect(result.ok).toBe(false);
        expect(replace).not.toHaveBeenCalled();
      }),
      RUNS,
    );
  });
});
