import { DEFAULT_CONFIG } from '../sim';
import { spawn } from '../sim/presets';
import { GIB, MS } from '../sim/time';
import type { GoalView, LessonLogic } from './types';
import { NIC, NVME, frontAndService, toPool } from './parts';

const grew = (g: GoalView, name: string) =>
  (g.now.corrupt[name] ?? 0) > (g.base.corrupt[name] ?? 0);
const p99 = (g: GoalView, name: string) => g.wl(name)?.history.at(-1)?.p99 ?? 0;

/** A stall in `kernel` caused by a machine-wide action that batch ran. */
const stalledBy = (g: GoalView, kernel: string, from: string) =>
  g.ev('stall', (h) => h.kernel === kernel && h.detail['from'] === g.id(from)) >= 1;

/**
 * L9: what it does not protect (CURRICULUM L9). Host on 0–1; web (id 1) on 2–3 holds the NIC and
 * sends requests to db (id 2) on 4–5, which holds the NVMe; batch (id 3) computes on 6–7. IOMMU
 * off; every kernel active.
 */
export const notProtected: LessonLogic = {
  slug: 'what-it-does-not-protect',
  scenario: {
    config: { ...DEFAULT_CONFIG, iommu: false },
    setup: [
      ...toPool([2, 3, 4, 5, 6, 7]),
      ...spawn('web', [2, 3], 1 * GIB, { devices: [NIC] }),
      ...spawn('db', [4, 5], 2 * GIB, { devices: [NVME] }),
      ...spawn('batch', [6, 7], 512),
      ...frontAndService({
        front: 'web',
        kernel: 'web',
        service: 'dbsvc',
        backend: 'db',
        load: 600,
      }),
      { type: 'workload.start', name: 'batch', kernel: 'batch', kind: 'cpu', threads: 2 },
    ],
    // web's p99 has three measured windows when the lesson opens: step 4 compares with it.
    warmupNs: 300 * MS,
  },
  steps: [
    // 1. batch's CPUs scribble on db's memory: nothing stops it, nothing reports it.
    {
      goals: [
        { id: 'corrupt', check: (g) => grew(g, 'db') },
        {
          id: 'silent',
          check: (g) =>
            grew(g, 'db') &&
            g.ev('dma.blocked') === 0 &&
            g.inst('db')?.state === 'active' &&
            g.inst('db')?.panicked === false,
        },
      ],
      show: [
        { type: 'wait', ns: 300 * MS },
        { type: 'fault', kind: 'scribble', from: 'batch', target: 'db' },
      ],
    },
    // 2. IOMMU off: db's NVMe writes into web's memory by DMA.
    {
      goals: [{ id: 'corrupt', check: (g) => grew(g, 'web') }],
      show: [{ type: 'fault', kind: 'dma', device: NVME, target: 'web' }],
    },
    // 3. IOMMU on: the same DMA is blocked by the NVMe's domain.
    {
      goals: [
        { id: 'iommu', check: (g) => g.m.iommu },
        { id: 'blocked', check: (g) => g.m.iommu && g.ev('dma.blocked') >= 1 },
        { id: 'intact', check: (g) => g.ev('dma.blocked') >= 1 && !grew(g, 'web') },
      ],
      show: [
        { type: 'iommu.set', on: true },
        { type: 'fault', kind: 'dma', device: NVME, target: 'web' },
      ],
    },
    // 4. An IPI flood from batch at web's CPUs: web slows without a byte of its memory touched.
    {
      goals: [
        {
          id: 'p99',
          check: (g) => {
            const base = g.base.wl['web']?.p99 ?? 0;
            return (
              g.ev('ipi-flood', (h) => h.kernel === 'web') >= 1 &&
              base > 0 &&
              p99(g, 'web') >= 3 * base
            );
          },
        },
      ],
      show: [
        {
          type: 'fault',
          kind: 'ipi-flood',
          from: 'batch',
          target: 'web',
          raw: true,
          count: 1000000,
          intervalNs: 280,
        },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 5. WBINVD on batch: every kernel stalls at once.
    {
      goals: [
        { id: 'host', check: (g) => stalledBy(g, 'host', 'batch') },
        { id: 'web', check: (g) => stalledBy(g, 'web', 'batch') },
        { id: 'db', check: (g) => stalledBy(g, 'db', 'batch') },
      ],
      show: [
        { type: 'fault', kind: 'machine-wide', from: 'batch', op: 'wbinvd' },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 6. The comparison card.
    { goals: [], show: [] },
  ],
};
