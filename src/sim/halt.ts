import { K } from './constants';
import { stopCpu } from './cpu';
import { fail, OK } from './errors';
import { EV } from './events';
import { resetRing, ringCount, sendMessage } from './ipi';
import { describe, isErr, restState, setState, spawnByName } from './lifecycle';
import { happen, host, klog, nextToken, schedule } from './machine';
import { rec, TRACE } from './trace';
import { LIFE, OBSERVE } from '../contract';
import { HOST } from './types';
import type { ApplyResult, Cpu, CpuState, Instance, Machine } from './types';
import { stopKernelWork } from './workloads';

/** Halting a spawn: graceful kill, force kill, and a panic's halt to the pool (facts §1.11). */

export function kill(m: Machine, name: string, force: boolean): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if (m.version !== 'github')
    return fail('EOPNOTSUPP', 'v1 and v2 have no halt: it came with the GitHub tree');
  // core.c: a force halt is also taken on a loaded instance (a rerun rescues CPUs an earlier
  // halt missed); a graceful one only on an active instance.
  const allowed = force
    ? inst.state === 'active' || inst.state === 'loaded'
    : inst.state === 'active';
  if (!allowed) {
    const want = force ? 'active or loaded' : 'active';
    return fail('EINVAL', `instance ${name} is ${describe(inst)}, not ${want}`);
  }
  if (force) {
    if (inst.pending?.op === 'force')
      return fail('EBUSY', `instance ${name} is already being halted`);
    if (inst.cpus.length === 0) return fail('EINVAL', `instance ${name} has no CPUs assigned`);
    // Arm force_halt, then NMI every instance CPU: NMIs get through masked interrupts (core.c).
    const token = nextToken(m);
    inst.pending = { op: 'force', token };
    haltKernel(m, inst, 'halted');
    // core.c's own lines (multikernel_force_halt_by_id).
    klog(m, host(m), `Force halting multikernel instance ${inst.id} via NMI`);
    klog(m, host(m), `Sent NMI to ${inst.cpus.length} CPUs in instance ${inst.id}`);
    schedule(m, m.now + K.nmiLatency + K.park, EV.parkDone, inst.id, token, 0);
    return OK;
  }
  if (inst.pending) return fail('EBUSY', `instance ${name} is ${describe(inst)}`);
  if (ringCount(inst) === K.ringEntries - 1) return fail('ENOSPC', `ring of ${name} is full`);
  const sent = sendMessage(m, host(m), inst.id, 'SYSTEM', 'SHUTDOWN', 16, 0, 0);
  if (!sent.ok) return sent;
  const token = nextToken(m);
  inst.pending = { op: 'kill', token, since: m.now };
  schedule(m, m.now + K.gracefulKillTimeout, EV.killTimeout, inst.id, token, 0);
  return OK;
}

export function onKillTimeout(m: Machine, id: number, token: number): boolean {
  const inst = m.instances.get(id);
  if (!inst || inst.pending?.op !== 'kill' || inst.pending.token !== token) return false;
  inst.pending = null;
  // Nothing escalates by itself: the operator runs kill --force (facts §1.11).
  klog(
    m,
    host(m),
    `multikernel: instance ${id} (${inst.name}) did not acknowledge shutdown within 30s`,
  );
  happen(m, 'kill.timeout', id);
  rec(m, host(m), TRACE.observe, id, OBSERVE.killTimeout);
  return true;
}

/** The spawn got MK_SYS_SHUTDOWN: it stops its work, answers SHUTDOWN_ACK and parks. */
export function onShutdown(m: Machine, inst: Instance): void {
  const pending = inst.pending;
  if (pending?.op !== 'kill') return;
  stopKernelWork(m, inst);
  sendMessage(m, inst, HOST, 'SYSTEM', 'SHUTDOWN_ACK', 16, inst.id, 0);
  klog(m, inst, 'reboot: multikernel shutdown requested, parking CPUs');
  schedule(m, m.now + K.park, EV.parkDone, inst.id, pending.token, 0);
}

export function onParkDone(m: Machine, id: number, token: number): boolean {
  const inst = m.instances.get(id);
  if (
    !inst ||
    (inst.pending?.op !== 'kill' && inst.pending?.op !== 'force') ||
    inst.pending.token !== token
  )
    return false;
  const forced = inst.pending.op === 'force';
  inst.pending = null;
  parkAll(m, inst);
  // core.c: mk_instance_settle_halted() after a force halt, multikernel_halt_by_id() after an ACK.
  klog(
    m,
    host(m),
    forced
      ? `Instance ${id} (${inst.name}) halted, CPUs parking in pool`
      : `Multikernel instance ${id} halted (graceful)`,
  );
  setState(m, inst, 'loaded');
  return true;
}

/** The kernel stops running: processes gone, CPUs stop, queued work is stale. */
export function haltKernel(m: Machine, inst: Instance, cpuState: CpuState): void {
  inst.epoch++;
  stopKernelWork(m, inst);
  for (const cid of inst.cpus) {
    const c = m.cpus[cid] as Cpu;
    if (c.owner === inst.id) stopCpu(c, cpuState);
  }
}

function parkAll(m: Machine, inst: Instance): void {
  haltKernel(m, inst, restState(m));
  resetRing(m, inst);
  inst.panicked = false;
  inst.hung = false;
}

/** A panic inside a kernel (facts §1.11: the GitHub tree halts to the pool; v1/v2 just stop). */
export function panic(m: Machine, inst: Instance, why: string): void {
  haltKernel(m, inst, 'halted');
  inst.panicked = true;
  klog(m, inst, `Kernel panic - not syncing: ${why}`);
  happen(m, 'panic', inst.id, { why });
  rec(m, inst, TRACE.life, LIFE.panic, 0);
  if (inst.id === HOST || m.version !== 'github') return;
  // mk_halt_to_pool(): tell the host, then park every CPU. x86 path inferred (facts §6).
  sendMessage(m, inst, HOST, 'SYSTEM', 'HALTED', 16, inst.id, 0);
  schedule(m, m.now + K.park, EV.haltPark, inst.id, inst.epoch, 0);
}

export function onHaltPark(m: Machine, id: number, epoch: number): boolean {
  const inst = m.instances.get(id);
  if (!inst || inst.epoch !== epoch || !inst.panicked) return false;
  for (const cid of inst.cpus) {
    const c = m.cpus[cid] as Cpu;
    if (c.owner === inst.id) c.state = 'parked';
  }
  return true;
}

/** The host got MK_SYS_HALTED from a spawn. */
export function onHalted(m: Machine, spawnId: number): void {
  const inst = m.instances.get(spawnId);
  if (!inst) return;
  klog(m, host(m), `Instance ${spawnId} (${inst.name}) halted, CPUs parking in pool`);
  rec(m, host(m), TRACE.observe, spawnId, OBSERVE.halted);
  schedule(m, m.now + K.parkConfirm, EV.haltConfirm, spawnId, inst.epoch, 0);
}

export function onHaltConfirm(m: Machine, id: number, epoch: number): boolean {
  const inst = m.instances.get(id);
  if (!inst || inst.epoch !== epoch || !inst.panicked) return false;
  const parked = inst.cpus.every((c) => (m.cpus[c] as Cpu).state === 'parked');
  resetRing(m, inst);
  inst.panicked = false;
  // core.c's MK_SYS_HALTED work sets loaded without checking the parking (only the kexec path
  // confirms it, before it rewrites the image); a CPU that did not park is logged, not failed.
  if (!parked) klog(m, host(m), `multikernel: instance ${id} (${inst.name}) has CPUs not parked`);
  setState(m, inst, 'loaded');
  return true;
}
