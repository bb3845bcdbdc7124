import { fail } from './errors';
import { happen, host, instanceByName } from './machine';
import { rec, TRACE } from './trace';
import { LIFE } from '../contract';
import { HOST, type CpuState, type Instance, type Machine, type SimError } from './types';

// What every lifecycle verb shares (DESIGN §3's table): finding a spawn by name, moving it to a
// state (traced and narrated), and saying where it stands. The verbs: lifecycle-create.ts
// (create, load), lifecycle-exec.ts (exec and boot), halt.ts (kill), lifecycle-delete.ts
// (unload, delete).

/** Where an idle CPU of a spawn waits: GitHub parks it; v1/v2 leave it hot-unplugged (facts §1.5). */
export function restState(m: Machine): CpuState {
  return m.version === 'github' ? 'parked' : 'offline';
}

export function spawnByName(m: Machine, name: string): Instance | SimError {
  const inst = instanceByName(m, name);
  if (!inst) return fail('ENOENT', `No such instance: ${name}`);
  if (inst.id === HOST) return fail('EPERM', 'the host (instance 0) is not managed by these verbs');
  return inst;
}

export const isErr = (x: Instance | SimError): x is SimError => 'ok' in x;

export function setState(m: Machine, inst: Instance, state: Instance['state']): void {
  inst.state = state;
  rec(m, inst, TRACE.life, LIFE[state], 0);
  if (inst.id !== HOST) rec(m, host(m), TRACE.observe, inst.id, inst.epoch);
  happen(m, 'instance.state', inst.id, { state });
}

export function describe(inst: Instance): string {
  if (inst.pending) return `${inst.state} (${inst.pending.op} in progress)`;
  return inst.state;
}
