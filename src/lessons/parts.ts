import { spawn } from '../sim/presets';
import type { Input } from '../sim';
import type { GoalView, ScriptItem } from './types';

/** The PCI functions of the lessons' eight-CPU machine (DEFAULT_CONFIG's devices). */
export const NIC = '0000:03:00.0';
export const NVME = '0000:04:00.0';

export const toPool = (cpus: readonly number[]): Input[] =>
  cpus.map((cpu) => ({ type: 'cpu.toPool', cpu }));

export const sameSet = (a: readonly number[] | undefined, b: readonly number[]): boolean =>
  a !== undefined && a.length === b.length && b.every((x) => a.includes(x));

/** Every one of these CPUs is parked in the pool. */
export const parked = (g: GoalView, ...cpus: number[]): boolean =>
  cpus.every((c) => g.m.cpus[c]?.state === 'parked');

export const stateOf = (g: GoalView, name: string) => g.inst(name)?.state;

/**
 * The web → db pair of lessons 4–6: CPUs 2–7 in the pool; web (id 1) on 2–3 with the NIC
 * forwards each request to db (id 2) on 4–5 with the NVMe, which answers.
 */
export function webForwardsToDb(): Input[] {
  return [
    ...toPool([2, 3, 4, 5, 6, 7]),
    ...spawn('web', [2, 3], 1024, { devices: [NIC] }),
    ...spawn('db', [4, 5], 2048, { devices: [NVME] }),
    ...frontAndService({ front: 'web', kernel: 'web', service: 'db', backend: 'db', load: 700 }),
  ];
}

/**
 * A service (workload `service` in kernel `backend`) and a front end (workload `front` in kernel
 * `kernel`, at `load` ‰, optionally on a device) sending it every request over IPIs.
 */
export function frontAndService(o: {
  readonly front: string;
  readonly kernel: string;
  readonly service: string;
  readonly backend: string;
  readonly load: number;
  readonly device?: string;
}): Input[] {
  return [
    { type: 'workload.start', name: o.service, kernel: o.backend, kind: 'service' },
    {
      type: 'workload.start',
      name: o.front,
      kernel: o.kernel,
      kind: 'server',
      backend: o.backend,
      load: o.load,
      ...(o.device ? { device: o.device } : {}),
    },
  ];
}

/**
 * A kernel brought up from the shell, as kerf does it: create, load, then boot, each line given
 * `settle` of simulated time to finish before the next.
 */
export function bringUp(lines: readonly string[], settle: readonly number[]): ScriptItem[] {
  return lines.flatMap((line, i): ScriptItem[] => [
    { type: 'shell.line', line },
    { type: 'wait', ns: settle[i] ?? 0 },
  ]);
}
