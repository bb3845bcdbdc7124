import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, INPUT_TYPES } from '../../../src/contract';
import { inputRefusal } from '../../../src/contract/validate/input';
import { apply, createMachine } from '../../../src/sim';
import { preset } from '../../../src/sim/presets';

// The simulator's own words for a malformed input (shell users and the shell's golden texts read
// them): the contract's validator gives them, unchanged from the sim's hand-written checks.

describe('why the simulator refuses an input', () => {
  const cases: [unknown, string][] = [
    [null, 'an input must be an object'],
    [[], 'an input must be an object'],
    [{ name: 'x' }, 'an input needs a "type"'],
    [{ type: 'instance.reboot', name: 'x' }, 'unknown input type "instance.reboot"'],
    [{ type: 'fault', kind: 'zap' }, 'fault: unknown kind "zap"'],
    [{ type: 'fault', target: 'x' }, 'fault: unknown kind "undefined"'],
    [{ type: 'cpu.toPool', cpu: 1, kind: 'x' }, 'cpu.toPool: unknown field "kind"'],
    [{ type: 'instance.create', cpus: [1], memMiB: 128 }, 'instance.create: missing field "name"'],
    [
      { type: 'instance.create', name: 'a', cpus: [1, 'x'], memMiB: 128 },
      'instance.create: field "cpus" is not a valid ints',
    ],
    [
      { type: 'instance.create', name: '', cpus: [1], memMiB: 128 },
      'instance.create: field "name" is not a valid str',
    ],
    [
      { type: 'instance.load', name: 'a', image: { name: 'v', version: '1', kind: 'x' } },
      'instance.load: field "image" is not a valid image',
    ],
    [
      { type: 'msg.send', from: 'a', to: 'b', category: 'MAIL' },
      'msg.send: field "category" is not a valid category',
    ],
    [{ type: 'version.set', version: 'v3' }, 'version.set: field "version" is not a valid version'],
    [
      { type: 'workload.start', name: 'w', kernel: 'host', kind: 'web' },
      'workload.start: field "kind" is not a valid wlkind',
    ],
    [
      { type: 'fault', kind: 'machine-wide', from: 'a', op: 'x' },
      'fault machine-wide: field "op" is not a valid op',
    ],
    [
      { type: 'cpu.hotplug', cpu: 1.5, online: true },
      'cpu.hotplug: field "cpu" is not a valid int',
    ],
    [{ type: 'iommu.set', on: 'yes' }, 'iommu.set: field "on" is not a valid bool'],
    [{ type: 'instance.exec', name: 'a', x: 1 }, 'instance.exec: unknown field "x"'],
    [
      { type: 'fault', kind: 'scribble', from: 'a', target: 'b', bytes: 1.5, x: 1 },
      'fault scribble: field "bytes" is not a valid int',
    ],
    [{ type: 'instance.exec', name: 'a' }, ''],
  ];
  for (const [input, words] of cases)
    it(words || 'a well-formed input passes', () =>
      expect(inputRefusal(input)).toBe(words || null),
    );

  it('knows every input type and fault kind (none reads as unknown)', () => {
    for (const type of INPUT_TYPES)
      expect(inputRefusal({ type, kind: 'panic' }) ?? '').not.toMatch(/unknown (input type|kind)/);
    for (const kind of FAULT_KINDS)
      expect(inputRefusal({ type: 'fault', kind }) ?? '').not.toMatch(/unknown kind/);
  });

  it('is what the machine answers, as EINVAL, leaving the machine as it was', () => {
    const m = createMachine(preset('two-kernels'), 1);
    const before = structuredClone(m);
    expect(apply(m, { type: 'instance.create', cpus: [1], memMiB: 128 })).toEqual({
      ok: false,
      code: 'EINVAL',
      errno: -22,
      message: 'instance.create: missing field "name"',
    });
    expect(m).toEqual(before);
  });
});
