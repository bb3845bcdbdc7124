import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { importScenario, type Context } from '../../src/features/sharing/controller';
import {
  parseScenarioFile,
  scenarioFileText,
  scenarioOf,
} from '../../src/features/sharing/scenario-file';
import { MAX_SCENARIO_CHARS, type Scenario, type ScenarioFile } from '../../src/contract';
import type { Input } from '../../src/sim';
import type { DeviceSpec } from '../../src/sim/types';
import { playbackStore } from '../../src/store/playback-store';
import { shareStore } from '../../src/features/sharing/share-store';
import { createSimApi } from '../../src/worker/api';

// Scenario files (issue 6 item 7): valid generated files are accepted, read back exactly and
// boot; one mutated field is refused naming that field (by the page's checks when the file alone
// says so, by the machine when it depends on the machine's state), and nothing changes.

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
/** One setup step the machine refuses (the file alone is fine), and the errno it gives. */
type Refusal = { readonly file: ScenarioFile; readonly step: number; readonly errno: string };

function indices(f: ScenarioFile, type: Input['type']): number[] {
  return f.setup.flatMap((x, i) => (x.type === type ? [i] : []));
}

function patch(f: ScenarioFile, i: number, p: Record<string, unknown>): ScenarioFile {
  return { ...f, setup: f.setup.map((x, j) => (j === i ? { ...x, ...p } : x)) } as ScenarioFile;
}

/** What the file alone says is wrong: the page's checks name the field. */
function scenarioMutations(f: ScenarioFile): Mutation[] {
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
    { file: { ...f, name: 'x'.repeat(MAX_SCENARIO_CHARS) }, path: '', code: 'too-big' },
  ];
  const w = indices(f, 'workload.start')[0] as number;
  out.push({ file: patch(f, w, { load: 1001 }), path: `setup[${w}].load`, code: 'range' });
  out.push({
    file: patch(f, w, { type: 'workload.stop' }),
    path: `setup[${w}].type`,
    code: 'not-setup',
  });
  const c = indices(f, 'instance.create')[0];
  if (c !== undefined) {
    const at = (field: string) => `setup[${c}].${field}`;
    out.push({
      file: patch(f, c, { cpus: [f.config.cpus] }),
      path: at('cpus[0]'),
      code: 'cpu-missing',
    });
    out.push({
      file: patch(f, c, { devices: ['0000:99:00.0'] }),
      path: at('devices[0]'),
      code: 'device-missing',
    });
    out.push({ file: patch(f, c, { name: 'K0' }), path: at('name'), code: 'invalid-name' });
    out.push({ file: patch(f, c, { id: 2048 }), path: at('id'), code: 'range' });
    out.push({ file: patch(f, c, { memMiB: '128' }), path: at('memMiB'), code: 'not-int' });
  }
  if (f.log?.length)
    out.push({ file: { ...f, log: [f.log[1], f.log[0]] }, path: 'log[1].atNs', code: 'order' });
  return out;
}

/** What depends on the machine as the setup builds it: the machine refuses that step. */
function scenarioRefusals(f: ScenarioFile): Refusal[] {
  const creates = indices(f, 'instance.create');
  const w = indices(f, 'workload.start')[0] as number;
  const out: Refusal[] = [{ file: patch(f, w, { kernel: 'ghost' }), step: w, errno: 'ENOENT' }];
  if (creates.length > 0) {
    const c = creates[0] as number;
    out.push({ file: patch(f, c, { memMiB: f.config.poolMiB + 128 }), step: c, errno: 'ENOMEM' });
    out.push({ file: patch(f, c + 1, { name: 'ghost' }), step: c + 1, errno: 'ENOENT' });
  }
  if (creates.length > 1) {
    const [a, b] = creates as [number, number];
    const first = f.setup[a] as Extract<Input, { type: 'instance.create' }>;
    out.push({ file: patch(f, b, { cpus: [first.cpus[0]] }), step: b, errno: 'EBUSY' });
    out.push({ file: patch(f, b, { name: first.name }), step: b, errno: 'EEXIST' });
    // Without an explicit id the first spawn took the lowest free one, 1.
    out.push({ file: patch(f, b, { id: first.id ?? 1 }), step: b, errno: 'EEXIST' });
    if (first.devices?.[0])
      out.push({ file: patch(f, b, { devices: [first.devices[0]] }), step: b, errno: 'EBUSY' });
  }
  return out;
}

/** The worker's own API, as the page's bridge asks it (in Node, on this thread). */
const sim = createSimApi();

/** A fake composition root whose bridge asks the real worker API: records what was replaced. */
function fakeContext() {
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
        // The machine builds what the checks accept (these files hold no bad reference).
        expect(sim.checkScenario(scenarioOf(r.value), f.seed)).toBeNull();
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

  it('a reference the machine refuses is named at its step, with its errno, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (f, pick) => {
        const all = scenarioRefusals(f);
        const m = all[pick % all.length] as Refusal;
        const text = JSON.stringify(m.file);
        // The file alone is well formed: only the machine can say what is wrong.
        expect(parseScenarioFile(text).ok).toBe(true);
        const answer = sim.checkScenario(scenarioOf(m.file), m.file.seed);
        expect(answer).toMatchObject({ step: m.step, code: m.errno });
        const { ctx, load } = fakeContext();
        const before = stores();
        const result = await importScenario(ctx, text);
        expect(result).toEqual({
          ok: false,
          problem: {
            path: `setup[${m.step}]`,
            code: 'refused',
            params: { type: m.file.setup[m.step]?.type, code: m.errno, message: answer?.message },
          },
        });
        expect(load).not.toHaveBeenCalled();
        expect(stores()).toEqual(before);
      }),
      RUNS,
    );
  });
});
