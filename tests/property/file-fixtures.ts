import fc from 'fast-check';
import { vi } from 'vitest';
import type { Context } from '../../src/features/sharing/controller';
import { CONTENT, LESSON_ORDER } from '../../src/content';
import type {
  LessonProgress,
  LessonSlug,
  Progress,
  Scenario,
  ScenarioFile,
} from '../../src/contract';
import type { Input } from '../../src/sim';
import type { DeviceSpec } from '../../src/sim/types';
import { playbackStore } from '../../src/store/playback-store';
import { shareStore } from '../../src/features/sharing/share-store';
import { createSimApi } from '../../src/worker/api';

// Valid scenario and progress files, and a page context whose bridge asks the real worker API:
// what the file properties (files, progress-files, fuzz-files) start from.

const PCI = ['0000:03:00.0', '0000:04:00.0', '0000:05:00.0'];

/** A valid scenario: github machine, spawns on disjoint CPUs (never CPU 0), memory within the pool. */
export const scenarioArb = fc
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

export function lessonArb(slug: LessonSlug): fc.Arbitrary<LessonProgress> {
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

export const progressArb: fc.Arbitrary<Progress> = fc
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

/** The worker's own API, as the page's bridge asks it (in Node, on this thread). */
export const sim = createSimApi();

/** A fake composition root whose bridge asks the real worker API: records what was replaced. */
export function fakeContext() {
  const load = vi.fn(() => Promise.resolve());
  const ctx = {
    bridge: {
      checkScenario: (s: Scenario, seed: number) => Promise.resolve(sim.checkScenario(s, seed)),
      load,
      startSpec: { scenario: 'two-kernels', seed: 1 },
      inputLog: [],
    },
    lessons: { replace: vi.fn(), snapshot: () => ({}) },
    preset: 'two-kernels',
  } as unknown as Context;
  return { ctx, load };
}

export const stores = () => ({ share: shareStore.getState(), playback: playbackStore.getState() });
