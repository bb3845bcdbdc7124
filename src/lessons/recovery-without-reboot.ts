import { DEFAULT_CONFIG, type Input } from '../sim';
import { spawn } from '../sim/presets';
import { MS, S } from '../sim/time';
import type { GoalView, LessonLogic } from './types';

const NIC = '0000:03:00.0';
const NVME = '0000:04:00.0';

const parked = (g: GoalView, ...cpus: number[]) =>
  cpus.every((c) => g.m.cpus[c]?.state === 'parked');
const state = (g: GoalView, name: string) => g.inst(name)?.state;

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
      ...[2, 3, 4, 5, 6, 7].map((cpu): Input => ({ type: 'cpu.toPool', cpu })),
      ...spawn('web', [2, 3], 1024, { devices: [NIC] }),
      ...spawn('db', [4, 5], 2048, { devices: [NVME] }),
      { type: 'workload.start', name: 'db', kernel: 'db', kind: 'service' },
      {
        type: 'workload.start',
        name: 'web',
        kernel: 'web',
        kind: 'server',
        backend: 'db',
        load: 700,
      },
      { type: 'fault', kind: 'panic', target: 'db' },
      ...spawn('batch', [6, 7], 512),
      { type: 'workload.start', name: 'batch', kernel: 'batch', kind: 'cpu', threads: 2 },
    ],
  },
  steps: [
    // 1. db is loaded: exec alone boots it again in place.
    {
      goals: [
        { id: 'active', check: (g) => state(g, 'db') === 'active' },
        {
          id: 'cpus',
          check: (g) => {
            const c = g.inst('db')?.cpus ?? [];
            return c.length === 2 && c[0] === 4 && c[1] === 5 && state(g, 'db') === 'active';
          },
        },
        { id: 'delivered', check: (g) => g.msgs({ to: 'db', fate: 'delivered' }) >= 1 },
      ],
      show: [
        { type: 'shell.line', line: 'kerf exec db' },
        { type: 'wait', ns: 60 * MS },
      ],
    },
    // 2. Graceful halt: MK_SYS_SHUTDOWN, SHUTDOWN_ACK back, CPUs 6–7 park.
    {
      goals: [
        { id: 'loaded', check: (g) => state(g, 'batch') === 'loaded' },
        {
          id: 'ack',
          check: (g) => g.msgs({ from: 'batch', type: 'SYSTEM/SHUTDOWN_ACK' }) >= 1,
        },
        {
          id: 'parked',
          check: (g) => state(g, 'batch') === 'loaded' && parked(g, 6, 7),
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
          check: (g) => g.inst('batch')?.hung === true && state(g, 'batch') === 'active',
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf exec batch' },
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
            state(g, 'batch') !== 'loaded',
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
        { id: 'loaded', check: (g) => state(g, 'batch') === 'loaded' },
        { id: 'parked', check: (g) => state(g, 'batch') === 'loaded' && parked(g, 6, 7) },
        {
          id: 'others',
          check: (g) => state(g, 'web') === 'active' && state(g, 'db') === 'active',
        },
      ],
      show: [
        { type: 'shell.line', line: 'kerf kill --force batch' },
        { type: 'wait', ns: 5 * MS },
      ],
    },
    // 6. exec again: a fresh boot of batch alone.
    {
      goals: [{ id: 'active', check: (g) => state(g, 'batch') === 'active' }],
      show: [
        { type: 'shell.line', line: 'kerf exec batch' },
        { type: 'wait', ns: 60 * MS },
      ],
    },
  ],
};
