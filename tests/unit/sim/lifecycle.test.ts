import { describe, expect, it } from 'vitest';
import { apply, checkInvariants, CONSTANTS, type Input, type Machine } from '../../../src/sim';
import { boot, inst, must, pooled, state, until } from './helpers';

type From = 'absent' | 'ready' | 'loaded' | 'active' | 'failed';
type Verb = 'create' | 'load' | 'exec' | 'kill' | 'kill --force' | 'unload' | 'delete';
const K = Object.fromEntries(Object.entries(CONSTANTS).map(([k, v]) => [k, v.value])) as Record<
  keyof typeof CONSTANTS,
  number
>;

/** A machine with instance "x" on CPUs 4–5 in the given state. */
function machineWith(from: From): Machine {
  const m = pooled();
  if (from === 'absent') return m;
  if (from === 'failed') {
    must(m, { type: 'fault', kind: 'claim-miss', cpu: 4 });
  }
  must(m, { type: 'instance.create', name: 'x', cpus: [4, 5], memMiB: 1024 });
  if (from === 'ready') return m;
  must(m, { type: 'instance.load', name: 'x' });
  until(m, () => state(m, 'x') === 'loaded');
  if (from === 'loaded') return m;
  must(m, { type: 'instance.exec', name: 'x' });
  until(m, () => state(m, 'x') === from);
  return m;
}

const input = (verb: Verb): Input => {
  switch (verb) {
    case 'create':
      return { type: 'instance.create', name: 'x', cpus: [4, 5], memMiB: 1024 };
    case 'load':
      return { type: 'instance.load', name: 'x' };
    case 'exec':
      return { type: 'instance.exec', name: 'x' };
    case 'kill':
      return { type: 'instance.kill', name: 'x' };
    case 'kill --force':
      return { type: 'instance.kill', name: 'x', force: true };
    case 'unload':
      return { type: 'instance.unload', name: 'x' };
    case 'delete':
      return { type: 'instance.delete', name: 'x' };
  }
};

/** DESIGN §3's lifecycle table: what each verb does from each state, and how long it takes. */
const TABLE: { verb: Verb; from: From; to: From; takes: number }[] = [
  { verb: 'create', from: 'absent', to: 'ready', takes: 0 },
  { verb: 'load', from: 'ready', to: 'loaded', takes: K.imageCopy },
  { verb: 'exec', from: 'loaded', to: 'active', takes: K.claimLatency + K.spawnBoot + K.apBringup },
  { verb: 'kill', from: 'active', to: 'loaded', takes: K.ipiLatency + K.park },
  { verb: 'kill --force', from: 'active', to: 'loaded', takes: K.nmiLatency + K.park },
  // core.c: a force halt is taken from loaded too (a rerun rescues CPUs a first halt missed).
  { verb: 'kill --force', from: 'loaded', to: 'loaded', takes: K.nmiLatency + K.park },
  { verb: 'unload', from: 'loaded', to: 'ready', takes: 0 },
  { verb: 'delete', from: 'ready', to: 'absent', takes: 0 },
  { verb: 'delete', from: 'failed', to: 'absent', takes: 0 },
];
const VERBS: Verb[] = ['create', 'load', 'exec', 'kill', 'kill --force', 'unload', 'delete'];
const FROMS: From[] = ['absent', 'ready', 'loaded', 'active', 'failed'];
const stateOf = (m: Machine): From => (inst(m, 'x')?.state ?? 'absent') as From;

describe('lifecycle table (GitHub tree)', () => {
  for (const verb of VERBS) {
    for (const from of FROMS) {
      const row = TABLE.find((r) => r.verb === verb && r.from === from);
      if (row) {
        it(`${verb} from ${from} → ${row.to} in ${row.takes} ns`, () => {
          const m = machineWith(from);
          const r = apply(m, input(verb));
          expect(r.ok).toBe(true);
          const took = until(m, () => stateOf(m) === row.to && !inst(m, 'x')?.pending);
          expect(took).toBe(row.takes);
          expect(checkInvariants(m)).toEqual([]);
        });
      } else {
        it(`${verb} from ${from} is an error and changes nothing`, () => {
          const m = machineWith(from);
          const before = structuredClone(m);
          const r = apply(m, input(verb));
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errno).toBeLessThan(0);
          expect(m).toEqual(before);
        });
      }
    }
  }
});

describe('lifecycle errors leave the machine unchanged', () => {
  const cases: [string, (m: Machine) => void, Input, string][] = [
    ['unknown instance', () => {}, { type: 'instance.load', name: 'nope' }, 'ENOENT'],
    [
      'CPU already owned',
      (m) => must(m, { type: 'instance.create', name: 'db', cpus: [4, 5], memMiB: 1024 }),
      { type: 'instance.create', name: 'web2', cpus: [5], memMiB: 1024 },
      'EBUSY',
    ],
    [
      'CPU not in the pool',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [1], memMiB: 1024 },
      'EBUSY',
    ],
    [
      'memory beyond the pool',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [4], memMiB: 5 * 1024 },
      'ENOMEM',
    ],
    [
      'exec of an unloaded kernel',
      (m) => must(m, { type: 'instance.create', name: 'y', cpus: [4], memMiB: 512 }),
      { type: 'instance.exec', name: 'y' },
      'EBUSY',
    ],
    [
      'malformed device tree: cpus not a list',
      () => {},
      { type: 'instance.create', name: 'y', cpus: '4-5', memMiB: 512 } as unknown as Input,
      'EINVAL',
    ],
    [
      'malformed device tree: no memory',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [4] } as unknown as Input,
      'EINVAL',
    ],
    [
      'malformed device tree: negative memory',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [4], memMiB: -5 },
      'EINVAL',
    ],
    [
      'malformed device tree: no such CPU',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [99], memMiB: 512 },
      'EINVAL',
    ],
    [
      'malformed device tree: unknown device',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [4], memMiB: 512, devices: ['0000:ff:00.0'] },
      'ENOENT',
    ],
    [
      'bad instance name',
      () => {},
      { type: 'instance.create', name: 'Bad Name', cpus: [4], memMiB: 512 },
      'EINVAL',
    ],
    [
      'instance id out of range',
      () => {},
      { type: 'instance.create', name: 'y', cpus: [4], memMiB: 512, id: 2048 },
      'EINVAL',
    ],
    ['the host is not a spawn', () => {}, { type: 'instance.kill', name: 'host' }, 'EPERM'],
    [
      'unknown input type',
      () => {},
      { type: 'instance.reboot', name: 'x' } as unknown as Input,
      'EINVAL',
    ],
  ];
  for (const [name, prep, bad, code] of cases) {
    it(name, () => {
      const m = pooled();
      prep(m);
      const before = structuredClone(m);
      const r = apply(m, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe(code);
      expect(m).toEqual(before);
    });
  }
});

describe('timeouts', () => {
  it('a CPU that never claims its mailbox fails the exec after 1 s of 100 µs polls', () => {
    const m = machineWith('loaded');
    must(m, { type: 'fault', kind: 'claim-miss', cpu: 4 });
    must(m, { type: 'instance.exec', name: 'x' });
    const polls = m.counters.byKind[2] ?? 0;
    expect(until(m, () => state(m, 'x') === 'failed')).toBe(K.claimTimeout);
    expect((m.counters.byKind[2] ?? 0) - polls).toBe(K.claimTimeout / K.mailboxPoll);
    expect(inst(m, 'x')?.dmesg.length ?? 0).toBe(0);
    expect(inst(m, 'host')?.dmesg.at(-1)?.text).toMatch(/did not claim the spawn mailbox in 1s/);
  });

  it('a hung kernel does not acknowledge a graceful kill within 30 s; --force then works', () => {
    const m = pooled();
    boot(m, 'x', [4, 5]);
    must(m, { type: 'fault', kind: 'lockup', target: 'x' });
    must(m, { type: 'instance.kill', name: 'x' });
    const took = until(m, () => m.recent.some((h) => h.kind === 'kill.timeout'));
    expect(took).toBe(K.gracefulKillTimeout);
    expect(state(m, 'x')).toBe('active');
    expect(inst(m, 'x')?.hung).toBe(true);
    must(m, { type: 'instance.kill', name: 'x', force: true });
    expect(until(m, () => state(m, 'x') === 'loaded')).toBe(K.nmiLatency + K.park);
    expect(m.cpus[4]?.state).toBe('parked');
    expect(m.cpus[5]?.state).toBe('parked');
    expect(checkInvariants(m)).toEqual([]);
  });
});

describe('versions', () => {
  it('v1: exec on an online CPU is -EBUSY; offline it first (hotplug), then it boots by INIT/SIPI', () => {
    const m = pooled({ version: 'v1' }, []);
    must(m, { type: 'instance.create', name: 'x', cpus: [3], memMiB: 512 });
    must(m, { type: 'instance.load', name: 'x' });
    until(m, () => state(m, 'x') === 'loaded');
    const r = apply(m, { type: 'instance.exec', name: 'x' });
    expect(r.ok ? 0 : r.errno).toBe(-16);
    must(m, { type: 'cpu.hotplug', cpu: 3, online: false });
    must(m, { type: 'instance.exec', name: 'x' });
    until(m, () => state(m, 'x') === 'active');
    expect(m.counters.byKind[3]).toBe(1); // initSipi
    expect(m.cpus[3]?.owner).toBe(inst(m, 'x')?.id);
    expect(apply(m, { type: 'instance.create', name: 'y', cpus: [1, 2], memMiB: 512 }).ok).toBe(
      false,
    );
    expect(checkInvariants(m)).toEqual([]);
  });

  it('v2: the device-tree upload hot-unplugs the listed host CPUs; the loaded state reads "loading"', () => {
    const m = pooled({ version: 'v2' }, []);
    must(m, { type: 'instance.create', name: 'x', cpus: [2, 3], memMiB: 512 });
    expect(m.cpus[2]?.state).toBe('offline');
    expect(inst(m, 'host')?.cpus).not.toContain(2);
    expect(apply(m, { type: 'instance.kill', name: 'x' }).ok).toBe(false);
    expect(checkInvariants(m)).toEqual([]);
  });

  it('v1 and v2 lend no devices and have no halt', () => {
    for (const version of ['v1', 'v2'] as const) {
      const m = pooled({ version });
      const r = apply(m, { type: 'device.lend', pci: '0000:04:00.0', name: 'x' });
      expect(r.ok ? '' : r.code).toBe('EOPNOTSUPP');
    }
  });
});
