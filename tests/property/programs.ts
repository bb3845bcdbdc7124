import fc from 'fast-check';
import {
  advanceTo,
  apply,
  createMachine,
  DEFAULT_CONFIG,
  type Input,
  type Machine,
  type MachineConfig,
  type Scenario,
} from '../../src/sim';
import { MS } from '../../src/sim/time';

/** One step of a generated program: wait `dt` simulated ns, then apply `input`. */
export interface Step {
  readonly dt: number;
  readonly input: Input;
}

export const scenario = (over: Partial<MachineConfig> = {}): Scenario => ({
  config: { ...DEFAULT_CONFIG, auditMessages: true, ...over },
  setup: [
    ...[4, 5, 6, 7].map((cpu): Input => ({ type: 'cpu.toPool', cpu })),
    // Something always runs in the host, so every run has a busy event queue.
    { type: 'workload.start', name: 'hostweb', kernel: 'host', kind: 'server', load: 500 },
    { type: 'workload.start', name: 'hostbatch', kernel: 'host', kind: 'cpu', threads: 1 },
  ],
});

const SPAWNS = ['a', 'b', 'c'] as const;
const KERNELS = ['host', 'a', 'b', 'c', 'zz'] as const;
const DEVICES = ['0000:03:00.0', '0000:04:00.0', '0000:00:16.3', '0000:ff:00.0'] as const;
const name = fc.constantFrom(...SPAWNS);
const kernel = fc.constantFrom(...KERNELS);
const cpu = fc.integer({ min: 0, max: 9 });
const input = (i: Input): Input => i;

/** Inputs of every type, mostly well formed and aimed at things that may exist. */
export const anyInput: fc.Arbitrary<Input> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ from: kernel, to: kernel, bytes: fc.integer({ min: 0, max: 5000 }) })
      .map(({ from, to, bytes }) => input({ type: 'msg.send', from, to, category: 'USER', bytes })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        n: name,
        cpus: fc.uniqueArray(fc.integer({ min: 3, max: 8 }), { minLength: 1, maxLength: 3 }),
        mem: fc.integer({ min: 1, max: 40 }),
      })
      .map(({ n, cpus, mem }) =>
        input({ type: 'instance.create', name: n, cpus, memMiB: mem * 128 }),
      ),
  },
  { weight: 3, arbitrary: name.map((n) => input({ type: 'instance.load', name: n })) },
  { weight: 3, arbitrary: name.map((n) => input({ type: 'instance.exec', name: n })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ n: name, force: fc.boolean() })
      .map(({ n, force }) => input({ type: 'instance.kill', name: n, force })),
  },
  { weight: 1, arbitrary: name.map((n) => input({ type: 'instance.unload', name: n })) },
  { weight: 1, arbitrary: name.map((n) => input({ type: 'instance.delete', name: n })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ n: name, mem: fc.integer({ min: 1, max: 8 }) })
      .map(({ n, mem }) => input({ type: 'instance.memAdd', name: n, memMiB: mem * 128 })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        w: fc.constantFrom('w1', 'w2', 'w3'),
        k: kernel,
        kind: fc.constantFrom('server', 'cpu', 'noisy', 'rt', 'service', 'io'),
        load: fc.integer({ min: 0, max: 1000 }),
        backend: fc.option(kernel, { nil: undefined }),
        device: fc.option(fc.constantFrom(...DEVICES), { nil: undefined }),
      })
      .map(({ w, k, kind, load, backend, device }) =>
        input({
          type: 'workload.start',
          name: w,
          kernel: k,
          kind,
          load,
          ...(backend ? { backend } : {}),
          ...(device ? { device } : {}),
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('w1', 'w2', 'w3')
      .map((w) => input({ type: 'workload.stop', name: w })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ w: fc.constantFrom('w1', 'w2'), load: fc.integer({ min: -5, max: 1000 }) })
      .map(({ w, load }) => input({ type: 'workload.load', name: w, load })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ w: fc.constantFrom('w1', 'w2'), b: kernel })
      .map(({ w, b }) => input({ type: 'service.redirect', name: w, backend: b })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ c: cpu, on: fc.boolean() })
      .map(({ c, on }) => input({ type: 'cpu.hotplug', cpu: c, online: on })),
  },
  { weight: 1, arbitrary: cpu.map((c) => input({ type: 'cpu.toPool', cpu: c })) },
  { weight: 1, arbitrary: cpu.map((c) => input({ type: 'cpu.fromPool', cpu: c })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 24 })
      .map((n) => input({ type: 'pool.grow', memMiB: n * 128 })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 3 }).map((tx) => input({ type: 'pool.rollback', tx })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ d: fc.constantFrom(...DEVICES), n: kernel })
      .map(({ d, n }) => input({ type: 'device.lend', pci: d, name: n })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...DEVICES).map((d) => input({ type: 'device.return', pci: d })),
  },
  { weight: 1, arbitrary: fc.boolean().map((on) => input({ type: 'iommu.set', on })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('v1', 'v2', 'github')
      .map((v) => input({ type: 'version.set', version: v })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ k: fc.constantFrom('panic', 'lockup'), t: kernel })
      .map(({ k, t }) => input({ type: 'fault', kind: k, target: t })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ f: kernel, t: kernel, o: fc.integer({ min: 0, max: 300 }) })
      .map(({ f, t, o }) =>
        input({ type: 'fault', kind: 'scribble', from: f, target: t, offsetMiB: o }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ d: fc.constantFrom(...DEVICES), t: kernel })
      .map(({ d, t }) => input({ type: 'fault', kind: 'dma', device: d, target: t })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        f: kernel,
        t: kernel,
        count: fc.integer({ min: 1, max: 150 }),
        interval: fc.integer({ min: 0, max: 20_000 }),
        raw: fc.boolean(),
      })
      .map(({ f, t, count, interval, raw }) =>
        input({
          type: 'fault',
          kind: 'ipi-flood',
          from: f,
          target: t,
          count,
          intervalNs: interval,
          raw,
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: kernel.map((f) => input({ type: 'fault', kind: 'machine-wide', from: f })),
  },
  { weight: 1, arbitrary: cpu.map((c) => input({ type: 'fault', kind: 'claim-miss', cpu: c })) },
);

/** Usually boots spawn "a" with a service that the host talks to, so later steps have a target. */
const bootA: fc.Arbitrary<Step[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        mem: fc.integer({ min: 2, max: 16 }),
        withService: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      })
      .map(({ mem, withService }) => [
        {
          dt: 0,
          input: input({ type: 'instance.create', name: 'a', cpus: [4, 5], memMiB: mem * 128 }),
        },
        { dt: 0, input: input({ type: 'instance.load', name: 'a' }) },
        { dt: 11 * MS, input: input({ type: 'instance.exec', name: 'a' }) },
        ...(withService
          ? [
              {
                dt: 0,
                input: input({ type: 'workload.start', name: 'svc', kernel: 'a', kind: 'service' }),
              },
              {
                dt: 0,
                input: input({
                  type: 'workload.start',
                  name: 'front',
                  kernel: 'host',
                  kind: 'server',
                  backend: 'a',
                }),
              },
            ]
          : []),
        {
          dt: 40 * MS,
          input: input({ type: 'msg.send', from: 'host', to: 'a', category: 'USER' }),
        },
      ]),
  },
  { weight: 1, arbitrary: fc.constant<Step[]>([]) },
);

export const step: fc.Arbitrary<Step> = fc.record({
  dt: fc.integer({ min: 0, max: 20 * MS }),
  input: anyInput,
});

export const program: fc.Arbitrary<Step[]> = fc
  .tuple(bootA, fc.array(step, { minLength: 1, maxLength: 10 }))
  .map(([a, b]) => [...a, ...b]);

/** Run a program straight through; `each` sees the machine after every input. */
export function runProgram(
  s: Scenario,
  seed: number,
  steps: readonly Step[],
  each?: (m: Machine, i: number) => void,
): Machine {
  const m = createMachine(s, seed);
  steps.forEach((st, i) => {
    advanceTo(m, m.now + st.dt);
    apply(m, st.input);
    each?.(m, i);
  });
  advanceTo(m, m.now + 20 * MS);
  return m;
}

/** Did an active spawn take at least one IPI? (The statistics the issue asks to see.) */
export function spawnHandledIpi(m: Machine): boolean {
  return [...m.instances.values()].some((i) => i.id !== 0 && i.stats.ipisReceived > 0);
}
