import { DEFAULT_CONFIG, HOST } from '../sim';
import { MS } from '../sim/time';
import type { LessonLogic } from './types';
import { NIC, NVME } from './parts';

const IOMEM = 'cat /proc/iomem';
const CPU3 = '/sys/devices/system/cpu/cpu3/online';

/**
 * L1: one kernel owns everything (CURRICULUM L1). The monolithic baseline: the host on all eight
 * CPUs, no pool, web / db / batch sharing its scheduler.
 */
export const oneKernel: LessonLogic = {
  slug: 'one-kernel-owns-everything',
  scenario: {
    config: { ...DEFAULT_CONFIG, monolithic: true, poolMiB: 0 },
    setup: [
      {
        type: 'workload.start',
        name: 'web',
        kernel: 'host',
        kind: 'server',
        load: 700,
        device: NIC,
      },
      { type: 'workload.start', name: 'db', kernel: 'host', kind: 'io', device: NVME },
      { type: 'workload.start', name: 'batch', kernel: 'host', kind: 'cpu', threads: 2 },
    ],
  },
  steps: [
    // 1. Click CPUs 2 and 6, then the memory bar: a page task (select a CPU), no machine goal.
    { goals: [], show: [{ type: 'wait', ns: 200 * MS }] },
    // 2. cat /proc/iomem: only host ranges.
    {
      goals: [{ id: 'iomem', check: (g) => g.did(IOMEM) }],
      show: [{ type: 'shell.line', line: IOMEM }],
    },
    // 3. Offline CPU 3, then online again: it stays the host's.
    {
      goals: [
        {
          id: 'offline',
          check: (g) => g.ev('cpu.offline', (h) => h.detail['cpu'] === 3) >= 1,
        },
        {
          id: 'back',
          check: (g) => {
            const c = g.m.cpus[3];
            return (
              g.ev('cpu.online', (h) => h.detail['cpu'] === 3) >= 1 &&
              c !== undefined &&
              c.state === 'online' &&
              c.owner === HOST
            );
          },
        },
      ],
      show: [
        { type: 'shell.line', line: `echo 0 > ${CPU3}` },
        { type: 'wait', ns: 200 * MS },
        { type: 'shell.line', line: `echo 1 > ${CPU3}` },
      ],
    },
    // 4. Panic the host: every workload's throughput drops to 0.
    {
      goals: [
        { id: 'panic', check: (g) => g.inst('host')?.panicked === true },
        {
          id: 'tput',
          check: (g) =>
            g.inst('host')?.panicked === true &&
            ['web', 'db', 'batch'].every((w) => g.now.wl[w]?.tput === 0),
        },
      ],
      show: [
        { type: 'fault', kind: 'panic', target: 'host' },
        { type: 'wait', ns: 300 * MS },
      ],
    },
    // 5. The recovery card: a page task.
    { goals: [], show: [] },
  ],
};
