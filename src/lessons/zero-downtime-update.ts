import { DEFAULT_CONFIG } from '../sim';
import { spawn } from '../sim/presets';
import { GIB, MS } from '../sim/time';
import type { GoalView, LessonLogic } from './types';
import { NIC, bringUp, frontAndService, sameSet, toPool } from './parts';

const CREATE = 'kerf create app-v2 --cpus=4-5 --memory=2GB';
const LOAD = 'kerf load app-v2 --kernel=/boot/vmlinuz-new';
const EXEC = 'kerf start app-v2';
const KILL_OLD = 'kerf kill app-v1';
const UNLOAD_OLD = 'kerf unload app-v1';
const DELETE_OLD = 'kerf delete app-v1';

const RING_MASK = 63;

/** The kernel lb now sends its requests to. */
const backendIs = (g: GoalView, kernel: string) =>
  g.wl('lb')?.backend === g.id(kernel) && g.id(kernel) >= 0;

/** When lb was last pointed at `kernel` during this step (-1: not yet). */
function redirectedAt(g: GoalView, kernel: string): number {
  let at = -1;
  g.ev('service.redirect', (h) => {
    if (h.detail['name'] === 'lb' && h.detail['backend'] === kernel) at = Math.max(at, h.t);
    return false;
  });
  return at;
}

/** lb completed requests in a 100 ms window that closed after it was pointed at `kernel`. */
function servedVia(g: GoalView, kernel: string): boolean {
  const at = redirectedAt(g, kernel);
  const last = g.wl('lb')?.history.at(-1);
  return backendIs(g, kernel) && at >= 0 && last !== undefined && last.t > at && last.tput > 0;
}

/**
 * L8: zero-downtime update (CURRICULUM L8). The host on 0–1 and 6–7 runs lb, the front end that
 * holds the NIC, forwarding requests as USER messages to app-v1 (old image, CPUs 2–3). CPUs 4–5
 * are parked in the pool with 2 GiB free.
 */
export const zeroDowntime: LessonLogic = {
  slug: 'zero-downtime-update',
  scenario: {
    config: { ...DEFAULT_CONFIG, poolMiB: 4 * GIB },
    setup: [
      ...toPool([2, 3, 4, 5]),
      ...spawn('app-v1', [2, 3], 2 * GIB),
      ...frontAndService({
        front: 'lb',
        kernel: 'host',
        service: 'app1',
        backend: 'app-v1',
        load: 600,
        device: NIC,
      }),
    ],
  },
  steps: [
    // 1. Boot app-v2 beside app-v1 on the spare CPUs 4–5, with the app in it.
    {
      goals: [
        { id: 'new', check: (g) => g.inst('app-v2')?.state === 'active' },
        { id: 'old', check: (g) => g.inst('app-v1')?.state === 'active' },
        { id: 'cpus', check: (g) => sameSet(g.inst('app-v2')?.cpus, [4, 5]) },
        {
          id: 'app',
          check: (g) => g.wl('app2')?.kernel === g.id('app-v2') && g.wl('app2')?.running === true,
        },
      ],
      show: [
        ...bringUp([CREATE, LOAD, EXEC], [100 * MS, 100 * MS, 200 * MS]),
        { type: 'workload.start', name: 'app2', kernel: 'app-v2', kind: 'service' },
      ],
    },
    // 2. Switch lb to app-v2: queued requests finish on app-v1, new ones go to app-v2.
    {
      goals: [
        { id: 'delivered', check: (g) => g.msgs({ to: 'app-v2', fate: 'delivered' }) >= 10 },
        {
          id: 'drained',
          check: (g) => {
            const old = g.inst('app-v1');
            return (
              backendIs(g, 'app-v2') &&
              old !== undefined &&
              ((old.ring.head - old.ring.tail) & RING_MASK) === 0
            );
          },
        },
        {
          id: 'nodrop',
          check: (g) =>
            g.msgs({ to: 'app-v2', fate: 'delivered' }) >= 10 && g.msgs({ fate: 'dropped' }) === 0,
        },
      ],
      show: [
        { type: 'service.redirect', name: 'lb', backend: 'app-v2' },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 3. app-v2 panics; roll back by pointing lb at app-v1 again.
    {
      goals: [
        {
          id: 'parked',
          check: (g) =>
            g.ev('panic', (h) => h.kernel === 'app-v2') >= 1 &&
            g.inst('app-v2')?.state === 'loaded',
        },
        { id: 'rollback', check: (g) => servedVia(g, 'app-v1') },
      ],
      show: [
        { type: 'fault', kind: 'panic', target: 'app-v2' },
        { type: 'wait', ns: 100 * MS },
        { type: 'service.redirect', name: 'lb', backend: 'app-v1' },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 4. Finish: start app-v2 again, move lb, then stop app-v1.
    {
      goals: [
        { id: 'stopped', check: (g) => g.inst('app-v1')?.state === 'loaded' },
        { id: 'switched', check: (g) => servedVia(g, 'app-v2') },
        {
          id: 'nodrop',
          check: (g) =>
            g.inst('app-v1')?.state === 'loaded' &&
            backendIs(g, 'app-v2') &&
            g.msgs({ fate: 'dropped' }) === 0,
        },
      ],
      show: [
        { type: 'shell.line', line: EXEC },
        { type: 'wait', ns: 200 * MS },
        { type: 'service.redirect', name: 'lb', backend: 'app-v2' },
        { type: 'wait', ns: 200 * MS },
        { type: 'shell.line', line: KILL_OLD },
        { type: 'wait', ns: 200 * MS },
      ],
    },
    // 5. unload and delete app-v1: CPUs 2–3 go back to the pool.
    {
      goals: [
        { id: 'gone', check: (g) => g.inst('app-v1') === undefined },
        {
          id: 'pool',
          check: (g) => g.now.poolCpus.includes(2) && g.now.poolCpus.includes(3),
        },
      ],
      show: [
        { type: 'shell.line', line: UNLOAD_OLD },
        { type: 'wait', ns: 100 * MS },
        { type: 'shell.line', line: DELETE_OLD },
      ],
    },
    // 6. The card: what did not move.
    { goals: [], show: [] },
  ],
};
