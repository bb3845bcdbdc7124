import { DEFAULT_CONFIG } from '../sim';
import { spawn } from '../sim/presets';
import { GIB, MS } from '../sim/time';
import type { LessonLogic } from './types';
import { bringUp, frontAndService, toPool } from './parts';

const CREATE = 'kerf create tiny --cpus=6 --memory=256MB';
const LOAD = 'kerf load tiny --kernel=/boot/vmlinuz-minimal';
const EXEC = 'kerf start tiny';

/**
 * L10: roots (CURRICULUM L10). The host on 0–3 sends requests to k1 (id 1, CPUs 4–5) over IPIs;
 * CPUs 6–7 are parked and 1 GiB of the pool is free. Most steps are cards and observation.
 */
export const roots: LessonLogic = {
  slug: 'roots',
  scenario: {
    config: { ...DEFAULT_CONFIG, poolMiB: 3 * GIB },
    setup: [
      ...toPool([4, 5, 6, 7]),
      ...spawn('k1', [4, 5], 2 * GIB),
      ...frontAndService({
        front: 'front',
        kernel: 'host',
        service: 'k1svc',
        backend: 'k1',
        load: 300,
      }),
    ],
  },
  steps: [
    // 1. A one-CPU kernel with a minimal image on CPU 6.
    {
      goals: [
        { id: 'state', check: (g) => g.inst('tiny')?.state === 'active' },
        {
          id: 'cpus',
          check: (g) => {
            const c = g.inst('tiny')?.cpus;
            return c !== undefined && c.length === 1 && c[0] === 6;
          },
        },
      ],
      show: [...bringUp([CREATE, LOAD, EXEC], [100 * MS, 100 * MS, 100 * MS])],
    },
    // 2. Select a host ↔ k1 message (a UI task: the page checks the selection).
    { goals: [], show: [] },
    // 3. The source card: Popcorn Linux.
    { goals: [], show: [] },
    // 4. Compare tiny's and k1's boot spans (observe).
    { goals: [], show: [] },
    // 5. The card: two axes, Tanenbaum–Torvalds.
    { goals: [], show: [] },
    // 6. The timeline card.
    { goals: [], show: [] },
  ],
};
