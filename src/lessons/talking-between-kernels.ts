import { DEFAULT_CONFIG, trafficOf, type Input } from '../sim';

import { MS } from '../sim/time';
import type { GoalView, LessonLogic } from './types';
import { webForwardsToDb } from './parts';

const FLOOD: Input = { type: 'fault', kind: 'ipi-flood', from: 'web', target: 'db', count: 200 };

/**
 * Since the last switch back to the GitHub ring during this step: the time of that switch, or -1.
 * (The step starts in v1 mode, where ordinary traffic can overwrite a slot now and then, so the
 * counts of step 6 start at the switch, not at the step's start.)
 */
function switchedAt(g: GoalView): number {
  let t = -1;
  g.ev('version', (h) => {
    if (h.detail['version'] === 'github') t = h.t;
    return false;
  });
  return t;
}

/** Messages of `kind` to db (or any, with `to` -1) in the traffic buffer since time `t`. */
function trafficSince(g: GoalView, t: number, kind: string, to: number): number {
  let n = 0;
  for (const e of trafficOf(g.m)) if (e.t >= t && e.kind === kind && (to < 0 || e.to === to)) n++;
  return n;
}

/**
 * L4: talking between kernels (CURRICULUM L4). web (id 1) on CPUs 2–3 holds the NIC and forwards
 * each request to db (id 2, CPUs 4–5, the NVMe) as a USER message; db answers. CPUs 6–7 parked.
 */
export const talking: LessonLogic = {
  slug: 'talking-between-kernels',
  scenario: {
    config: DEFAULT_CONFIG,
    setup: [...webForwardsToDb()],
  },
  steps: [
    // 1. Play, then click an arrow: requests web → db delivered through db's ring.
    {
      goals: [{ id: 'delivered', check: (g) => g.msgs({ to: 'db', fate: 'delivered' }) >= 10 }],
      show: [{ type: 'wait', ns: 20 * MS }],
      waitOnly: true,
    },
    // 2. How long one message takes: a page task (select a message), no machine goal.
    { goals: [], show: [{ type: 'wait', ns: 5 * MS }] },
    // 3. Grow db by 512 MiB: RESOURCE/MEM_ADD host → db, an ACK back.
    {
      goals: [
        { id: 'mem', check: (g) => (g.now.mem['db'] ?? 0) === (g.base.mem['db'] ?? 0) + 512 },
        {
          id: 'memAdd',
          check: (g) => g.msgs({ to: 'db', type: 'RESOURCE/MEM_ADD', fate: 'delivered' }) >= 1,
        },
      ],
      show: [
        { type: 'instance.memAdd', name: 'db', memMiB: 512 },
        { type: 'wait', ns: 1 * MS },
      ],
    },
    // 4. Flood db's ring: 63 fit, the rest are refused with -ENOSPC.
    {
      goals: [{ id: 'enospc', check: (g) => g.msgs({ to: 'db', fate: 'rejected-enospc' }) >= 1 }],
      show: [FLOOD, { type: 'wait', ns: 1 * MS }],
    },
    // 5. v1 mode, the same flood: one 256 B slot per CPU, each send overwrites the last.
    {
      goals: [
        { id: 'v1', check: (g) => g.m.version === 'v1' },
        {
          id: 'overwritten',
          check: (g) => g.m.version === 'v1' && g.msgs({ to: 'db', fate: 'overwritten' }) >= 1,
        },
      ],
      show: [{ type: 'version.set', version: 'v1' }, FLOOD, { type: 'wait', ns: 1 * MS }],
    },
    // 6. Back to the ring: deliveries resume and nothing is overwritten any more.
    {
      goals: [
        { id: 'github', check: (g) => g.m.version === 'github' && switchedAt(g) >= 0 },
        {
          id: 'silent',
          check: (g) => {
            const t = switchedAt(g);
            return g.m.version === 'github' && t >= 0 && trafficSince(g, t, 'overwrite', -1) === 0;
          },
        },
        {
          id: 'delivered',
          check: (g) => {
            const t = switchedAt(g);
            return (
              g.m.version === 'github' && t >= 0 && trafficSince(g, t, 'deliver', g.id('db')) >= 10
            );
          },
        },
      ],
      show: [
        { type: 'version.set', version: 'github' },
        { type: 'wait', ns: 20 * MS },
      ],
    },
  ],
};
