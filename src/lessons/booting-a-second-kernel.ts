import { DEFAULT_CONFIG } from '../sim';
import { GIB, MS } from '../sim/time';
import type { LessonLogic } from './types';
import { NIC, parked, sameSet } from './parts';

const LOAD = 'kerf load db --kernel=/boot/vmlinuz';
const KIMAGE = 'cat /proc/kimage';
const EXEC = 'kerf start db';
const STATUS = 'cat /sys/fs/multikernel/instances/db/status';

/**
 * L3: booting a second kernel (CURRICULUM L3). The host on 0–3 and 6–7 running web; CPUs 4–5
 * parked in the 4 GiB pool; db (id 1) ready on them with 2 GiB.
 */
export const booting: LessonLogic = {
  slug: 'booting-a-second-kernel',
  scenario: {
    config: { ...DEFAULT_CONFIG, poolMiB: 4 * GIB },
    setup: [
      { type: 'cpu.toPool', cpu: 4 },
      { type: 'cpu.toPool', cpu: 5 },
      { type: 'instance.create', name: 'db', cpus: [4, 5], memMiB: 2 * GIB, id: 1 },
      {
        type: 'workload.start',
        name: 'web',
        kernel: 'host',
        kind: 'server',
        load: 700,
        device: NIC,
      },
    ],
  },
  steps: [
    // 1. kerf load: ready → loaded, the host keeps serving.
    {
      goals: [
        { id: 'state', check: (g) => g.inst('db')?.state === 'loaded' },
        { id: 'tput', check: (g) => (g.now.wl['web']?.tput ?? 0) > 0 },
      ],
      show: [
        { type: 'shell.line', line: LOAD },
        { type: 'wait', ns: 50 * MS },
      ],
    },
    // 2. The loaded image in /proc/kimage.
    {
      goals: [{ id: 'kimage', check: (g) => g.did(KIMAGE) }],
      show: [{ type: 'shell.line', line: KIMAGE }],
    },
    // 3. kerf exec: CPU 4 claims its mailbox; CPU 5 stays parked.
    {
      goals: [
        {
          id: 'claim',
          check: (g) =>
            g.ev('mailbox.claim', (h) => h.kernel === 'db' && h.detail['cpu'] === 4) === 1,
        },
        {
          id: 'parked',
          check: (g) =>
            g.ev('mailbox.claim', (h) => h.kernel === 'db' && h.detail['cpu'] === 4) === 1 &&
            parked(g, 5),
        },
      ],
      show: [
        { type: 'shell.line', line: EXEC },
        { type: 'wait', ns: 1 * MS },
      ],
    },
    // 4. Play on: db's kernel brings up CPU 5 itself; db turns active.
    {
      goals: [
        { id: 'state', check: (g) => g.inst('db')?.state === 'active' },
        { id: 'cpus', check: (g) => sameSet(g.inst('db')?.cpus, [4, 5]) },
        {
          id: 'running',
          check: (g) => g.inst('db')?.state === 'active' && !parked(g, 4) && !parked(g, 5),
        },
      ],
      show: [{ type: 'wait', ns: 100 * MS }],
      waitOnly: true,
    },
    // 5. Measure exec → active on the timeline: an observe step.
    { goals: [], show: [] },
    // 6. The status file says active (nobody was notified: tools poll).
    {
      goals: [{ id: 'status', check: (g) => g.did(STATUS) }],
      show: [{ type: 'shell.line', line: STATUS }],
    },
  ],
};
