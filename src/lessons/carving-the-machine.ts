import { checkInvariants, DEFAULT_CONFIG, POOL } from '../sim';
import { BLOCK_MIB, GIB, MS } from '../sim/time';
import type { LessonLogic } from './types';
import { NIC, NVME, parked, sameSet } from './parts';

const IOMEM = 'cat /proc/iomem';
const CREATE_DB = 'kerf create db --cpus=4-5 --memory=2GB';
const CREATE_WEB2 = 'kerf create web2 --cpus=5 --memory=1GB';

/**
 * L2: carving the machine (CURRICULUM L2). The host on all eight CPUs, booted with
 * `mkkernel_pool=4G`; web and db run on it; no instance yet.
 */
export const carving: LessonLogic = {
  slug: 'carving-the-machine',
  scenario: {
    config: { ...DEFAULT_CONFIG, poolMiB: 4 * GIB },
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
    ],
  },
  steps: [
    // 1. The pool in /proc/iomem.
    {
      goals: [{ id: 'iomem', check: (g) => g.did(IOMEM) }],
      show: [{ type: 'shell.line', line: IOMEM }],
    },
    // 2. CPUs 4 and 5 into the pool: parked, no longer the host's.
    {
      goals: [
        {
          id: 'pool',
          check: (g) => g.m.cpus[4]?.owner === POOL && g.m.cpus[5]?.owner === POOL,
        },
        { id: 'parked', check: (g) => parked(g, 4) && parked(g, 5) },
        {
          id: 'host',
          check: (g) => {
            const h = g.inst('host');
            return h !== undefined && !h.cpus.includes(4) && !h.cpus.includes(5);
          },
        },
      ],
      show: [
        { type: 'cpu.toPool', cpu: 4 },
        { type: 'wait', ns: 100 * MS },
        { type: 'cpu.toPool', cpu: 5 },
      ],
    },
    // 3. kerf create db: ready, on parked CPUs 4–5, 2 GiB carved from the pool.
    {
      goals: [
        { id: 'state', check: (g) => g.inst('db')?.state === 'ready' },
        { id: 'cpus', check: (g) => sameSet(g.inst('db')?.cpus, [4, 5]) },
        {
          id: 'mem',
          check: (g) => {
            const db = g.inst('db');
            return (
              db !== undefined &&
              db.memBlocks.length * BLOCK_MIB === 2 * GIB &&
              db.memBlocks.every((b) => g.m.blocks[b] === db.id)
            );
          },
        },
        { id: 'parked', check: (g) => g.inst('db') !== undefined && parked(g, 4) },
      ],
      show: [
        { type: 'shell.line', line: CREATE_DB },
        { type: 'wait', ns: 100 * MS },
        { type: 'shell.line', line: 'kerf show db' },
      ],
    },
    // 4. A second instance on CPU 5 is refused; nothing changes.
    {
      goals: [
        { id: 'refused', check: (g) => g.did(CREATE_WEB2, 'fail') },
        {
          id: 'unchanged',
          check: (g) =>
            g.did(CREATE_WEB2, 'fail') &&
            g.inst('web2') === undefined &&
            sameSet(g.inst('db')?.cpus, [4, 5]),
        },
      ],
      show: [{ type: 'shell.line', line: CREATE_WEB2 }],
    },
    // 5. Grow the pool by 1 GiB at run time (an overlay).
    {
      goals: [
        { id: 'grown', check: (g) => g.now.poolMiB === g.base.poolMiB + 1 * GIB },
        {
          id: 'consistent',
          check: (g) => g.now.poolMiB > g.base.poolMiB && checkInvariants(g.m).length === 0,
        },
      ],
      show: [{ type: 'pool.grow', memMiB: 1 * GIB }],
    },
    // 6. Lend the NVMe to db.
    {
      goals: [
        {
          id: 'lent',
          check: (g) => g.m.devices.find((d) => d.pci === NVME)?.owner === g.id('db'),
        },
      ],
      show: [{ type: 'device.lend', pci: NVME, name: 'db' }],
    },
  ],
};
