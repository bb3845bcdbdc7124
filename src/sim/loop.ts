import { K } from './constants';
import { chargeIrq, startJob } from './cpu';
import { EV } from './events';
import { floodOne } from './faults';
import { freeEv, queuePeek, queueTakeDue } from './queue';
import { drain, drained } from './ipi';
import * as halt from './halt';
import * as lifeCreate from './lifecycle-create';
import * as lifeExec from './lifecycle-exec';
import { ackMemAdd } from './memory';
import { isRunning, klog, schedule } from './machine';
import { hashEvent, rec, TRACE } from './trace';
import { noteCpus } from './visual';
import {
  freeJob,
  onArrival,
  onIoDone,
  onJobDone,
  onMetricsTick,
  onRtRelease,
  onServiceMessage,
} from './workload-requests';
import { HOST, type Cpu, type Instance, type Machine, type Msg, type Workload } from './types';
import type { Ev } from './heap';

/** Process every event due at or before `t`, then stand at `t`. Returns how many were handled. */
export function advanceTo(m: Machine, t: number, maxEvents = Number.MAX_SAFE_INTEGER): number {
  let handled = 0;
  const q = m.queue;
  while (handled < maxEvents) {
    const top = queueTakeDue(q, t);
    if (top === undefined) break;
    m.now = top.t;
    if (dispatch(m, top)) {
      if (top.k < EV.ipiArrive || top.k === EV.scribbleCrash) noteCpus(m);
      handled++;
      m.counters.events++;
      m.counters.byKind[top.k] = (m.counters.byKind[top.k] as number) + 1;
      hashEvent(m, top.k, top.a, top.b);
    } else {
      m.counters.stale++;
    }
    freeEv(top);
  }
  if (handled < maxEvents && m.now < t) m.now = t;
  return handled;
}

/** Time of the next queued event, or undefined when the queue is empty. */
export function nextEventTime(m: Machine): number | undefined {
  return queuePeek(m.queue)?.t;
}

/** Run one event handler; false when the event was stale (its CPU, kernel or task moved on). */
function dispatch(m: Machine, e: Ev): boolean {
  switch (e.k) {
    case EV.cpuDone:
      return onCpuDone(m, e.a, e.b);
    case EV.arrival: {
      const w = live(m, e.a, e.b);
      if (w) onArrival(m, w);
      return w !== null;
    }
    case EV.rtRelease: {
      const w = live(m, e.a, e.b);
      if (w) onRtRelease(m, w);
      return w !== null;
    }
    case EV.ioDone: {
      const w = live(m, e.a, e.c);
      if (w) onIoDone(m, w, e.b);
      return w !== null;
    }
    case EV.ipiArrive:
      return onIpi(m, e.a, e.b, e.c);
    case EV.metricsTick:
      onMetricsTick(m);
      return true;
    case EV.loadDone:
      return lifeCreate.onLoadDone(m, e.a, e.b);
    case EV.mailboxClaim:
    case EV.initSipi:
      return lifeExec.onCpuStarts(m, e.a, e.b, e.c);
    case EV.mailboxPoll:
      return lifeExec.onMailboxPoll(m, e.a, e.c);
    case EV.bootDone:
      return lifeExec.onBootDone(m, e.a, e.c);
    case EV.secondaryUp:
      return lifeExec.onSecondaryUp(m, e.a, e.b, e.c);
    case EV.killTimeout:
      return halt.onKillTimeout(m, e.a, e.b);
    case EV.parkDone:
      return halt.onParkDone(m, e.a, e.b);
    case EV.haltPark:
      return halt.onHaltPark(m, e.a, e.b);
    case EV.haltConfirm:
      return halt.onHaltConfirm(m, e.a, e.b);
    case EV.floodSend: {
      const f = m.floods[e.a];
      if (!f || f.left <= 0) return false;
      floodOne(m, f);
      if (f.left > 0) schedule(m, m.now + f.interval, EV.floodSend, e.a, 0, 0);
      return true;
    }
    case EV.scribbleCrash: {
      const inst = m.instances.get(e.a);
      if (!inst || inst.epoch !== e.b || !isRunning(inst)) return false;
      halt.panic(m, inst, 'Oops: kernel text overwritten by another kernel (lab fault: scribble)');
      return true;
    }
    default:
      return false;
  }
}

function live(m: Machine, wl: number, epoch: number): Workload | null {
  const w = m.workloads[wl];
  return w && w.running && w.epoch === epoch ? w : null;
}

function onCpuDone(m: Machine, cpuId: number, epoch: number): boolean {
  const cpu = m.cpus[cpuId] as Cpu;
  if (cpu.epoch !== epoch || cpu.cur === null) return false;
  if (cpu.irqDebt > 0) {
    // Interrupts ran while this slice did: it ends that much later.
    schedule(m, m.now + cpu.irqDebt, EV.cpuDone, cpuId, epoch, 0);
    cpu.irqDebt = 0;
    return true;
  }
  const j = cpu.cur;
  let finished = false;
  const inst = m.instances.get(cpu.owner) as Instance;
  const w = m.workloads[j.wl] as Workload;
  cpu.busyNs += cpu.sliceLen;
  if (m.slices) m.slices.push(cpuId, m.now - cpu.sliceLen, cpu.sliceLen, w.id);
  if (!w.running) {
    // Its workload stopped while the slice ran: the job is gone.
  } else if (j.remaining === Infinity) {
    // A cpu-bound thread: one slice of work done, and it wants the CPU again.
    w.win.completed++;
    w.totalCompleted++;
    rec(m, inst, TRACE.job, w.id, cpuId);
    cpu.runq.push(j);
  } else {
    j.remaining -= cpu.sliceLen;
    if (j.remaining > 0) {
      cpu.runq.push(j);
    } else {
      rec(m, inst, TRACE.job, w.id, j.req);
      onJobDone(m, inst, j);
      finished = true;
    }
  }
  const next = cpu.runq.shift();
  if (next) startJob(m, cpu, next);
  else cpu.cur = null;
  if (finished) freeJob(j);
  return true;
}

function onIpi(m: Machine, instId: number, cpuId: number, epoch: number): boolean {
  const cpu = m.cpus[cpuId] as Cpu;
  const inst = m.instances.get(instId);
  if (!inst || cpu.epoch !== epoch || cpu.owner !== instId) return false;
  // A hung or halted kernel takes the interrupt nowhere: its messages stay in the ring.
  if (!isRunning(inst) || cpu.state !== 'online') return true;
  inst.stats.ipisReceived++;
  chargeIrq(cpu, K.ipiEntry);
  const n = drain(m, inst, cpu);
  if (n === 0) rec(m, inst, TRACE.ipi, cpuId, 0);
  for (let i = 0; i < n; i++) {
    const msg = drained[i] as Msg;
    drained[i] = null;
    chargeIrq(cpu, K.msgHandler);
    inst.stats.msgsReceived++;
    rec(m, inst, TRACE.rx, msg.from, msg.a);
    onMessage(m, inst, msg);
  }
  return true;
}

/** What each kind of message does where it lands (facts §1.9, §1.11). */
function onMessage(m: Machine, inst: Instance, msg: Msg): void {
  switch (msg.category) {
    case 'USER':
      onServiceMessage(m, inst, msg);
      return;
    case 'SYSTEM':
      if (msg.subtype === 'SHUTDOWN') halt.onShutdown(m, inst);
      else if (msg.subtype === 'HALTED' && inst.id === HOST) halt.onHalted(m, msg.a);
      else if (msg.subtype === 'SHUTDOWN_ACK' && inst.id === HOST) {
        const spawn = m.instances.get(msg.a);
        if (spawn)
          klog(m, inst, `multikernel: instance ${spawn.id} (${spawn.name}) acknowledged shutdown`);
      }
      return;
    case 'RESOURCE':
      if (msg.subtype === 'MEM_ADD' && inst.id !== HOST) {
        klog(m, inst, `memory: hot-added ${msg.a} MiB from the multikernel pool`);
        ackMemAdd(m, inst, msg.a);
      } else if (msg.subtype === 'MEM_ADD_ACK' && inst.id === HOST) {
        const spawn = m.instances.get(msg.b);
        klog(
          m,
          inst,
          `multikernel: instance ${msg.b}${spawn ? ` (${spawn.name})` : ''} added ${msg.a} MiB`,
        );
      }
      return;
    default:
      return;
  }
}
