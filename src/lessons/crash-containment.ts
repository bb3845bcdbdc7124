import { DEFAULT_CONFIG, HOST, type Machine } from '../sim';
import { spawn } from '../sim/presets';
import { MS } from '../sim/time';
import type { LessonLogic } from './types';
import { NIC, NVME, frontAndService, parked, stateOf, toPool } from './parts';

const hostPanicked = (m: Machine | null) => m?.instances.get(HOST)?.panicked === true;

/**
 * L5: crash containment (CURRICULUM L5). web (id 1, CPUs 2–3, the NIC) serves `cache` hits itself
 * and forwards `web` requests (the misses) to db (id 2, CPUs 4–5, the NVMe); batch (id 3) computes
 * on 6–7. The monolithic twin runs the same workloads on one kernel; faults are not mirrored:
 * step 2 panics the twin alone.
 */
export const crashContainment: LessonLogic = {
  slug: 'crash-containment',
  twin: true,
  mirrorFaults: false,
  scenario: {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool([2, 3, 4, 5, 6, 7]),
      ...spawn('web', [2, 3], 1024, { devices: [NIC] }),
      ...spawn('db', [4, 5], 2048, { devices: [NVME] }),
      ...spawn('batch', [6, 7], 512),
      ...frontAndService({ front: 'web', kernel: 'web', service: 'db', backend: 'db', load: 700 }),
      { type: 'workload.start', name: 'cache', kernel: 'web', kind: 'server', load: 500 },
      { type: 'workload.start', name: 'batch', kernel: 'batch', kind: 'cpu', threads: 2 },
    ],
  },
  steps: [
    // 1. Panic batch: it reports MK_SYS_HALTED, parks 6–7, reads loaded; web and db serve on.
    {
      goals: [
        { id: 'state', check: (g) => stateOf(g, 'batch') === 'loaded' },
        { id: 'parked', check: (g) => parked(g, 6, 7) },
        {
          id: 'others',
          check: (g) => stateOf(g, 'web') === 'active' && stateOf(g, 'db') === 'active',
        },
        {
          id: 'tput',
          check: (g) => stateOf(g, 'batch') === 'loaded' && (g.now.wl['web']?.tput ?? 0) > 0,
        },
      ],
      show: [
        { type: 'fault', kind: 'panic', target: 'batch' },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 2. The same panic in the twin: its one kernel stops every workload.
    {
      goals: [
        { id: 'twin', check: (g) => hostPanicked(g.twin) },
        {
          id: 'twinTput',
          check: (g) => hostPanicked(g.twin) && g.twinNow?.wl['web']?.tput === 0,
        },
        {
          id: 'tput',
          check: (g) => hostPanicked(g.twin) && (g.now.wl['web']?.tput ?? 0) > 0,
        },
      ],
      show: [
        { type: 'twin.only', input: { type: 'fault', kind: 'panic', target: 'host' } },
        { type: 'wait', ns: 300 * MS },
      ],
    },
    // 3. Panic db: web's kernel stays up, but its requests to db are dropped (target halted).
    {
      goals: [
        { id: 'db', check: (g) => stateOf(g, 'db') === 'loaded' },
        { id: 'web', check: (g) => stateOf(g, 'web') === 'active' },
        {
          id: 'dropped',
          check: (g) => g.msgs({ to: 'db', fate: 'dropped', reason: 'target-halted' }) >= 1,
        },
      ],
      show: [
        { type: 'fault', kind: 'panic', target: 'db' },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 4. The vendor's demo: a source card (page task).
    { goals: [], show: [] },
    // 5. If the host panics: an "unknown" card (page task).
    { goals: [], show: [] },
  ],
};
