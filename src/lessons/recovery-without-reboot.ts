import { DEFAULT_CONFIG } from '../sim';
import { spawn } from '../sim/presets';
import { MS, S } from '../sim/time';
import type { LessonLogic } from './types';
import { parked, stateOf, webForwardsToDb } from './parts';

/**
 * L6: recovery without reboot (CURRICULUM L6). web (id 1) on 2–3 forwards to db (id 2, 4–5),
 * which panicked and sits loaded with its CPUs parked; batch (id 3) computes on 6–7. batch is
 * spawned after db's panic, so db's halt to the pool has finished when the lesson starts.
 */
export const recovery: LessonLogic = {
  slug: 'recovery-without-reboot',
  scenario: {
    config: DEFAULT_CONFIG,
    setup: [
      ...webForwardsToDb(),
      { type: 'fault', kind: 'panic', target: 'db' },
      ...spawn('batch', [6, 7], 512),
      { type: 'workload.start', name: 'batch', kernel: 'batch', kind: 'cpu', threads: 2 },
    ],
  },
  steps: [
    // 1. db is loaded: exec alone boots it again in place.
    {
      goals: [
        { id: 'active', check: (g) => stateOf(g, 'db') === 'active' },
        {
          id: 'cpus',
          check: (g) => {
            const c = g.inst('db')?.cpus ?? [];
            return c.length === 2 && c[0] === 4 && c[1] === 5 && stateOf(g, 'db') === 'active';
          },
        },
        { id: 'delivered', check: (g) => g.msgs({ to: 'db', fate: 'delivered' }) >= 1 },
      ],
      show: [
        { type: 'shell.line', line: 'kerf start db' },
        { type: 'wait', ns: 60 * MS },
      ],
    },
    // 2. Graceful halt: MK_SYS_SHUTDOWN, SHUTDOWN_ACK back, CPUs 6–7 park.
    {
      goals: [
        { id: 'loaded', check: (g) => stateOf(g, 'batch') === 'loaded' },
        {
          id: 'ack',
          check: (g) => g.msgs({ from: 'batch', type: 'SYSTEM/SHUTDOWN_ACK' }) >= 1,
        },
        {
          id: 'parked',
          check: (g) => stateOf(g, 'batch') === 'loaded' && parked(g, 6, 7),
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf kill batch' },
        { type: 'wait', ns: 5 * MS },
      ],
    },
    // 3. Boot batch again, then lock it up: the host still reads it as active.
    {
      goals: [
        { id: 'hung', check: (g) => g.inst('batch')?.hung === true },
        {
          id: 'state',
          check: (g) => g.inst('batch')?.hung === true && stateOf(g, 'batch') === 'active',
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf start batch' },
        { type: 'wait', ns: 60 * MS },
        { type: 'fault', kind: 'lockup', target: 'batch' },
        { type: 'wait', ns: 5 * MS },
      ],
    },
    // 4. A graceful kill of a hung kernel: SHUTDOWN sits in its ring; the 30 s timeout fires.
    {
      goals: [
        {
          id: 'timeout',
          check: (g) => g.ev('kill.timeout', (h) => h.kernel === 'batch') >= 1,
        },
        {
          id: 'state',
          check: (g) =>
            g.ev('kill.timeout', (h) => h.kernel === 'batch') >= 1 &&
            stateOf(g, 'batch') !== 'loaded',
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf kill batch' },
        { type: 'wait', ns: 31 * S },
      ],
    },
    // 5. Force halt: an NMI to each of batch's CPUs; they park; web and db untouched.
    {
      goals: [
        { id: 'loaded', check: (g) => stateOf(g, 'batch') === 'loaded' },
        { id: 'parked', check: (g) => stateOf(g, 'batch') === 'loaded' && parked(g, 6, 7) },
        {
          id: 'others',
          check: (g) => stateOf(g, 'web') === 'active' && stateOf(g, 'db') === 'active',
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf kill --force batch' },
        { type: 'wait', ns: 5 * MS },
      ],
    },
    // 6. exec again: a fresh boot of batch alone.
    {
      goals: [{ id: 'active', check: (g) => stateOf(g, 'batch') === 'active' }],
      show: [
        { type: 'shell.line', line: 'kerf start batch' },
        { type: 'wait', ns: 60 * MS },
      ],
    },
  ],
};
