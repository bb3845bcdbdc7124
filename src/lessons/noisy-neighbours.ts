import { DEFAULT_CONFIG, type Machine } from '../sim';
import { spawn } from '../sim/presets';
import { GIB, MS } from '../sim/time';
import type { GoalView, LessonLogic } from './types';
import { toPool } from './parts';

const p99 = (m: Machine | null, name: string): number => {
  const w = m?.workloads.find((x) => x.name === name);
  return w?.history[w.history.length - 1]?.p99 ?? 0;
};
const misses = (m: Machine | null, name: string): number =>
  m?.workloads.find((x) => x.name === name)?.totalMisses ?? 0;

/** noisy has hit the monolithic twin: rt missed a deadline there and web's p99 doubled. */
function twinHit(g: GoalView): boolean {
  const running = g.wl('noisy', 'twin')?.running === true;
  const baseMiss = g.twinBase?.wl.rt?.misses ?? 0;
  const web = p99(g.m, 'web');
  // Step 1 can begin before web's first 100 ms window has closed (base 0): then compare the
  // twin with the partitioned machine, which runs the same workloads on the same seed.
  const ref = Math.max(g.twinBase?.wl.web?.p99 ?? 0, web);
  return (
    running && misses(g.twin, 'rt') - baseMiss >= 1 && ref > 0 && p99(g.twin, 'web') >= 2 * ref
  );
}

/** Every CPU of `kernel` runs something (a spinning noisy thread never leaves it idle). */
function allBusy(g: GoalView, kernel: string): boolean {
  const k = g.inst(kernel);
  return k !== undefined && k.cpus.length > 0 && k.cpus.every((c) => g.m.cpus[c]?.cur !== null);
}

/** No work is left in `kernel`: nothing with a load runs there and its CPUs are idle. */
function idle(g: GoalView, kernel: string): boolean {
  const id = g.id(kernel);
  const k = g.inst(kernel);
  if (!k || id < 0) return false;
  const busyWork = g.m.workloads.some((w) => w.kernel === id && w.running && w.load > 0);
  return !busyWork && k.cpus.every((c) => g.m.cpus[c]?.cur === null);
}

/**
 * L7: isolation and noisy neighbours (CURRICULUM L7). Host on 0–1; webk (general) on 2–3 runs
 * web; rtk (real-time image) on 4–5 runs rt; noisyk on 6–7 waits for noisy. The monolithic twin
 * runs the same workloads on one kernel; starting a workload is mirrored onto it.
 */
export const noisyNeighbours: LessonLogic = {
  slug: 'noisy-neighbours',
  twin: true,
  scenario: {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool([2, 3, 4, 5, 6, 7]),
      ...spawn('webk', [2, 3], 2 * GIB),
      ...spawn('rtk', [4, 5], 1 * GIB, { kind: 'realtime' }),
      ...spawn('noisyk', [6, 7], 1 * GIB),
      { type: 'workload.start', name: 'web', kernel: 'webk', kind: 'server', load: 700 },
      { type: 'workload.start', name: 'rt', kernel: 'rtk', kind: 'rt' },
    ],
  },
  steps: [
    // 1. Start noisy (both): the twin suffers, the partitioned machine barely notices.
    {
      goals: [
        { id: 'twin', check: twinHit },
        {
          id: 'isolated',
          check: (g) => {
            const rtBase = g.base.wl.rt?.misses ?? 0;
            const webBase = g.base.wl.web?.p99 ?? 0;
            const web = p99(g.m, 'web');
            // The 1.2× of the outline is finer than the p99 histogram (~20 % buckets): 1.5×.
            const flat = webBase === 0 || web < 1.5 * webBase;
            return (
              g.wl('noisy')?.kernel === g.id('noisyk') &&
              twinHit(g) &&
              misses(g.m, 'rt') - rtBase === 0 &&
              flat
            );
          },
        },
      ],
      show: [
        { type: 'wait', ns: 300 * MS },
        { type: 'workload.start', name: 'noisy', kernel: 'noisyk', kind: 'noisy' },
        { type: 'wait', ns: 300 * MS },
      ],
    },
    // 2. The small bump: shared-hardware pressure (observe).
    { goals: [], show: [{ type: 'wait', ns: 200 * MS }] },
    // 3. noisy2 inside webk: web and noisy2 share one scheduler.
    {
      goals: [
        { id: 'kernel', check: (g) => g.wl('noisy2')?.kernel === g.id('webk') },
        {
          id: 'p99',
          check: (g) => {
            const base = g.base.wl.web?.p99 ?? 0;
            return g.wl('noisy2')?.running === true && base > 0 && p99(g.m, 'web') >= 2 * base;
          },
        },
      ],
      show: [
        { type: 'workload.start', name: 'noisy2', kernel: 'webk', kind: 'noisy' },
        { type: 'wait', ns: 300 * MS },
      ],
    },
    // 4. web idles, noisy saturates 6–7: CPUs 2–3 cannot be lent to it.
    {
      goals: [
        { id: 'idle', check: (g) => g.wl('noisy2')?.running !== true && idle(g, 'webk') },
        {
          id: 'busy',
          check: (g) => g.wl('noisy')?.running === true && allBusy(g, 'noisyk'),
        },
      ],
      show: [
        { type: 'workload.stop', name: 'noisy2' },
        { type: 'workload.load', name: 'web', load: 0 },
        { type: 'wait', ns: 300 * MS },
      ],
    },
    // 5. rtk's lanes: only rt (observe).
    { goals: [], show: [{ type: 'wait', ns: 200 * MS }] },
  ],
};
