import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  advanceTo,
  apply,
  checkInvariants,
  createMachine,
  preset,
  stateHash,
  type Input,
  type Scenario,
} from '../../src/sim';
import { execLine, type ShellResult } from '../../src/shell';
import { MS } from '../../src/sim/time';
import { randomLine } from './shell-lines';

// ---------------------------------------------------------------------------------------------
// 1. Any line at all: the shell answers, never throws, and a line that fails changes nothing.

/** grep that found nothing exits 1 with no error, as the real one does. */
const quietMiss = (line: string, r: ShellResult) =>
  r.exit === 1 && r.output.length === 0 && /\bgrep\b/.test(line);

describe('the shell under random lines (fast-check)', () => {
  it('10,000 random lines: an answer every time; a failing line leaves the state hash as it was', () => {
    const m = createMachine(preset('two-kernels'), 7);
    let before = stateHash(m);
    let failed = 0;
    fc.assert(
      fc.property(randomLine, (line) => {
        const r = execLine(m, line);
        expect(Array.isArray(r.output)).toBe(true);
        expect(Number.isInteger(r.exit)).toBe(true);
        const after = stateHash(m);
        if (r.exit !== 0) {
          failed++;
          if (!quietMiss(line, r)) {
            expect(
              r.output.some((l) => l.err),
              `error text for ${JSON.stringify(line)}`,
            ).toBe(true);
          }
          // A failing command changes nothing (each checks everything before it acts). Only a
          // pipe can end non-zero after an earlier command in it acted (`mklab panic x | grep y`).
          if (!line.includes('|')) {
            expect(after, `state changed by ${JSON.stringify(line)}`).toBe(before);
          }
        } else if (r.inputs.length === 0) {
          expect(after, `a read changed the state: ${JSON.stringify(line)}`).toBe(before);
        }
        expect(checkInvariants(m)).toEqual([]);
        before = after;
      }),
      { numRuns: 10_000, seed: 4242 },
    );
    expect(failed).toBeGreaterThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Valid command sequences reach the same state as the UI's inputs for the same actions.

const SCENARIO: Scenario = {
  config: DEFAULT_CONFIG,
  setup: [4, 5, 6, 7].map((cpu): Input => ({ type: 'cpu.toPool', cpu })),
};
const NAMES = ['a', 'b', 'c'] as const;
const IMAGES = {
  vmlinuz: { version: '6.18.0-mk', kind: 'general' },
  'vmlinuz-rt': { version: '6.18.0-mk-rt', kind: 'realtime' },
  'vmlinuz-minimal': { version: '6.18.0-mk-tiny', kind: 'minimal' },
} as const;

type Op = readonly [line: string, inputs: readonly Input[]];
const name = fc.constantFrom(...NAMES);
const kernel = fc.constantFrom('host', ...NAMES);
const cpu = fc.integer({ min: 0, max: 7 });

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        name,
        fc.uniqueArray(fc.integer({ min: 3, max: 7 }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom(128, 512, 1024),
      )
      .map(([n, cpus, mib]): Op => [
        `kerf create ${n} --cpus=${cpus.join(',')} --memory=${mib}MB`,
        [{ type: 'instance.create', name: n, cpus: [...cpus].sort((x, y) => x - y), memMiB: mib }],
      ]),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(name, fc.constantFrom(...(Object.keys(IMAGES) as (keyof typeof IMAGES)[])))
      .map(([n, file]): Op => [
        `kerf load ${n} --kernel=/boot/${file}`,
        [{ type: 'instance.load', name: n, image: { name: file, ...IMAGES[file] } }],
      ]),
  },
  {
    weight: 5,
    arbitrary: name.map((n): Op => [`kerf start ${n}`, [{ type: 'instance.exec', name: n }]]),
  },
  {
    weight: 1,
    arbitrary: name.map((n): Op => [`kerf start ${n}`, [{ type: 'instance.exec', name: n }]]),
  },
  {
    weight: 2,
    arbitrary: name.map((n): Op => [`kerf kill ${n}`, [{ type: 'instance.kill', name: n }]]),
  },
  {
    weight: 2,
    arbitrary: name.map((n): Op => [
      `kerf kill --force ${n}`,
      [{ type: 'instance.kill', name: n, force: true }],
    ]),
  },
  {
    weight: 2,
    arbitrary: name.map((n): Op => [`kerf unload ${n}`, [{ type: 'instance.unload', name: n }]]),
  },
  {
    weight: 2,
    arbitrary: name.map((n): Op => [`kerf delete ${n}`, [{ type: 'instance.delete', name: n }]]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(cpu, fc.boolean())
      .map(([c, on]): Op => [
        `echo ${on ? 1 : 0} > /sys/devices/system/cpu/cpu${c}/online`,
        [{ type: 'cpu.hotplug', cpu: c, online: on }],
      ]),
  },
  {
    weight: 2,
    arbitrary: name.map((n): Op => [
      `mklab panic ${n}`,
      [{ type: 'fault', kind: 'panic', target: n }],
    ]),
  },
  {
    weight: 1,
    arbitrary: name.map((n): Op => [
      `mklab lockup ${n}`,
      [{ type: 'fault', kind: 'lockup', target: n }],
    ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(kernel, kernel)
      .map(([a, b]): Op => [
        `mklab scribble ${a} ${b}`,
        [{ type: 'fault', kind: 'scribble', from: a, target: b }],
      ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(kernel, kernel)
      .map(([a, b]): Op => [
        `mklab flood ${a} ${b} --count=5`,
        [{ type: 'fault', kind: 'ipi-flood', from: a, target: b, count: 5 }],
      ]),
  },
  {
    weight: 1,
    arbitrary: kernel.map((n): Op => [
      `mklab dma eth0 ${n}`,
      [{ type: 'fault', kind: 'dma', device: '0000:03:00.0', target: n }],
    ]),
  },
  {
    weight: 1,
    arbitrary: cpu.map((c): Op => [`mklab cpu pool ${c}`, [{ type: 'cpu.toPool', cpu: c }]]),
  },
  {
    weight: 1,
    arbitrary: cpu.map((c): Op => [`mklab cpu host ${c}`, [{ type: 'cpu.fromPool', cpu: c }]]),
  },
  {
    weight: 1,
    arbitrary: fc.constant<Op>(['mklab pool grow 256M', [{ type: 'pool.grow', memMiB: 256 }]]),
  },
  {
    weight: 1,
    arbitrary: fc
      .boolean()
      .map((on): Op => [`mklab iommu ${on ? 'on' : 'off'}`, [{ type: 'iommu.set', on }]]),
  },
  {
    weight: 1,
    arbitrary: name.map((n): Op => [
      `mklab lend nvme0 ${n}`,
      [{ type: 'device.lend', pci: '0000:04:00.0', name: n }],
    ]),
  },
  {
    weight: 1,
    arbitrary: fc.constant<Op>([
      'mklab return nvme0',
      [{ type: 'device.return', pci: '0000:04:00.0' }],
    ]),
  },
  {
    weight: 1,
    arbitrary: kernel.map((n): Op => [
      `mklab send host ${n} USER`,
      [{ type: 'msg.send', from: 'host', to: n, category: 'USER' }],
    ]),
  },
  {
    weight: 1,
    arbitrary: kernel.map((n): Op => [
      `mklab workload start w1 --in=${n} --kind=cpu --threads=1`,
      [{ type: 'workload.start', name: 'w1', kernel: n, kind: 'cpu', threads: 1 }],
    ]),
  },
  {
    weight: 1,
    arbitrary: fc.constant<Op>(['mklab workload stop w1', [{ type: 'workload.stop', name: 'w1' }]]),
  },
  // Reads: no input at all.
  {
    weight: 2,
    arbitrary: fc.constantFrom<Op>(
      ['cat /proc/iomem', []],
      ['kerf show', []],
      ['dmesg', []],
      ['lspci', []],
    ),
  },
);
const step = fc.tuple(fc.constantFrom(0, 1 * MS, 20 * MS, 20 * MS, 200 * MS), op);

describe('the shell and the UI reach the same machine (fast-check)', () => {
  it('random valid command sequences give the same state hash as the equivalent inputs', () => {
    let acted = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(step, { minLength: 10, maxLength: 40, size: 'max' }),
        (seed, steps) => {
          const viaShell = createMachine(SCENARIO, seed);
          const viaUi = createMachine(SCENARIO, seed);
          for (const [dt, [line, inputs]] of steps) {
            advanceTo(viaShell, viaShell.now + dt);
            advanceTo(viaUi, viaUi.now + dt);
            const r = execLine(viaShell, line);
            if (r.exit === 0 && r.inputs.length > 0) acted++;
            for (const i of inputs) apply(viaUi, i);
            expect(stateHash(viaShell), line).toBe(stateHash(viaUi));
          }
          advanceTo(viaShell, viaShell.now + 100 * MS);
          advanceTo(viaUi, viaUi.now + 100 * MS);
          expect(stateHash(viaShell)).toBe(stateHash(viaUi));
          expect(checkInvariants(viaShell)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 99 },
    );
    // The sequences must mostly do things, not just fail: enough lines acted on the machine.
    expect(acted).toBeGreaterThan(1000);
  });
});
