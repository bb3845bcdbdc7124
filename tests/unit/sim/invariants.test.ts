import { describe, expect, it } from 'vitest';
import { checkInvariants, type Machine } from '../../../src/sim';
import { boot, inst, must, pooled } from './helpers';

/** A healthy machine with traffic in flight: host → x messages, x on CPUs 4–5, NVMe lent. */
function healthy(): Machine {
  const m = pooled({ iommu: true });
  boot(m, 'x', [4, 5]);
  must(m, { type: 'device.lend', pci: '0000:04:00.0', name: 'x' });
  must(m, { type: 'workload.start', name: 'web', kernel: 'host', kind: 'server' });
  must(m, { type: 'msg.send', from: 'host', to: 'x', category: 'USER' });
  return m;
}

/** Each invariant of DESIGN §3, broken on purpose: checkInvariants must name it. */
const CORRUPTIONS: [string, (m: Machine) => void, RegExp][] = [
  [
    'one owner per CPU: two instances list CPU 4',
    (m) => inst(m, 'host')?.cpus.push(4),
    /CPU 4 is listed by 2 instances/,
  ],
  [
    'one owner per CPU: owner field disagrees',
    (m) => ((m.cpus[5] as { owner: number }).owner = 0),
    /CPU 5 is the host's but not in its list/,
  ],
  [
    'a CPU owned by a missing instance',
    (m) => ((m.cpus[6] as { owner: number }).owner = 77),
    /missing instance 77/,
  ],
  [
    'a parked CPU runs nothing',
    (m) => {
      const c = m.cpus[6];
      if (c)
        c.runq.push({
          wl: 0,
          born: 0,
          req: 1,
          remaining: 5,
          deadline: 0,
          replyTo: -1,
          replyWl: -1,
        });
    },
    /CPU 6 is parked but runs a task/,
  ],
  [
    'a kernel’s tasks run on its own CPUs',
    (m) => {
      const w = m.workloads.find((x) => x.running && x.kernel === 0);
      const c = m.cpus[0];
      if (!w || !c) throw new Error('setup: no running host workload');
      c.runq.push({
        wl: w.id,
        born: 0,
        req: 1,
        remaining: 5,
        deadline: 0,
        replyTo: -1,
        replyWl: -1,
      });
      w.kernel = 1;
    },
    /CPU 0 of 0 runs a task of kernel 1/,
  ],
  [
    'one owner per device',
    (m) => inst(m, 'host')?.devices.push('0000:04:00.0'),
    /device 0000:04:00.0 has 2 holders/,
  ],
  [
    'memory regions never overlap',
    (m) => inst(m, 'host')?.memBlocks.push(inst(m, 'x')?.memBlocks[0] ?? 0),
    /belongs to both/,
  ],
  ['memory block map matches', (m) => (m.blocks[0] = 99), /owned by 99/],
  [
    'every message has exactly one fate (count)',
    (m) => m.counters.fates.delivered++,
    /fates counted/,
  ],
  ['in flight equals the rings', (m) => m.counters.fates['in-flight']++, /in flight counted/],
  ['an IOMMU domain outlives the IOMMU', (m) => (m.iommu = false), /stale IOMMU domain/],
];

describe('checkInvariants', () => {
  it('holds on a healthy machine with messages in flight', () => {
    const m = healthy();
    expect(m.counters.fates['in-flight']).toBe(1);
    expect(checkInvariants(m)).toEqual([]);
  });
  for (const [name, corrupt, msg] of CORRUPTIONS) {
    it(`catches: ${name}`, () => {
      const m = healthy();
      corrupt(m);
      const bad = checkInvariants(m);
      expect(bad.some((b) => msg.test(b))).toBe(true);
    });
  }
  it('catches a message that sits in a ring with a final fate (audit mode)', () => {
    const m = pooled({ auditMessages: true });
    boot(m, 'x', [4, 5]);
    must(m, { type: 'msg.send', from: 'host', to: 'x', category: 'USER' });
    const id = inst(m, 'x')?.ring.entries[inst(m, 'x')?.ring.tail ?? 0]?.id ?? -1;
    m.audit?.set(id, 'delivered');
    expect(checkInvariants(m).some((b) => /audit has 0 in flight/.test(b))).toBe(true);
  });
});
