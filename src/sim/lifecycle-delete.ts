import { stopCpu } from './cpu';
import { fail, OK } from './errors';
import { resetRing } from './ipi';
import { describe, isErr, restState, setState, spawnByName } from './lifecycle';
import { happen, host, klog } from './machine';
import { rec, TRACE } from './trace';
import { OBSERVE } from '../contract';
import { HOST, POOL, type ApplyResult, type Cpu, type Machine } from './types';

// unload and delete: undo load and create, handing CPUs, memory and devices back. (kill is in
// halt.ts, with the other ways a kernel stops.)

export function unload(m: Machine, name: string): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if (inst.state !== 'loaded' || inst.pending)
    return fail('EBUSY', `instance ${name} is ${describe(inst)}, not loaded`);
  inst.image = null;
  setState(m, inst, 'ready');
  return OK;
}

export function remove(m: Machine, name: string): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if ((inst.state !== 'ready' && inst.state !== 'failed') || inst.pending) {
    return fail('EBUSY', `instance ${name} is ${describe(inst)}: unload it first`);
  }
  resetRing(m, inst);
  const hostInst = host(m);
  for (const cid of inst.cpus) {
    const c = m.cpus[cid] as Cpu;
    if (c.owner !== inst.id) continue;
    stopCpu(c, restState(m));
    if (m.version === 'github') {
      c.owner = POOL;
    } else {
      c.owner = HOST;
      hostInst.cpus.push(cid);
      hostInst.cpus.sort((x, y) => x - y);
    }
  }
  for (const b of inst.memBlocks) m.blocks[b] = POOL;
  for (const d of m.devices) {
    if (d.owner !== inst.id) continue;
    d.owner = HOST;
    d.domain = false;
    hostInst.devices.push(d.pci);
  }
  m.workloads.forEach((w) => {
    if (w.kernel === inst.id) w.kernel = -1;
  });
  m.instances.delete(inst.id);
  klog(m, hostInst, `multikernel: instance ${inst.id} (${inst.name}) deleted`);
  rec(m, hostInst, TRACE.observe, inst.id, OBSERVE.deleted);
  happen(m, 'instance.deleted', inst.id, { name: inst.name });
  return OK;
}
