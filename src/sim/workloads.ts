import { K } from './constants';
import { enqueue } from './cpu';
import { EV } from './events';
import { happen, isRunning, onlineCpus, schedule } from './machine';
import { newWindow } from './metrics';
import { seedRng } from './rng';
import { rec, TRACE } from './trace';
import { waitingCount } from './waiting';
import { job, scheduleArrival } from './workload-requests';
import type { Cpu, Instance, Job, Machine, Workload, WorkloadKind } from './types';

// Workloads as processes: created, started and stopped with their kernel, placed on its CPUs
// and moved when those CPUs come and go; noisy ones press on every kernel.

export function newWorkload(
  m: Machine,
  name: string,
  kind: WorkloadKind,
  kernel: number,
  load: number,
  threads: number,
  backend: number,
  device: string | null,
): Workload {
  const id = m.wlSeq++;
  return {
    id,
    name,
    kind,
    kernel,
    load,
    backend,
    device,
    threads,
    placement: [],
    rr: 0,
    epoch: 0,
    running: false,
    // Each workload draws from its own stream, so a change in one kernel leaves the others' alone.
    rng: seedRng(m.seed, 0x10000 + id),
    reqSeq: 0,
    waiting: [],
    win: newWindow(),
    history: [],
    totalCompleted: 0,
    totalErrors: 0,
    totalMisses: 0,
  };
}

/** Runs while its kernel runs: started on exec, stopped on halt (a service unit, in effect). */
export function startWorkload(m: Machine, w: Workload): void {
  const inst = m.instances.get(w.kernel);
  if (!inst || !isRunning(inst) || w.running) return;
  const cpus = onlineCpus(m, inst);
  if (cpus.length === 0) return;
  w.running = true;
  w.epoch++;
  w.placement = place(cpus, w.threads);
  for (const id of w.placement) (m.cpus[id] as Cpu).procs++;
  rec(m, inst, TRACE.proc, w.id, w.placement.length);
  if (w.kind === 'cpu' || w.kind === 'noisy') {
    for (const id of w.placement) enqueue(m, m.cpus[id] as Cpu, job(w.id, m.now, Infinity));
  } else if (w.kind === 'server' || w.kind === 'io') {
    scheduleArrival(m, w);
  } else if (w.kind === 'rt') {
    schedule(m, m.now + K.rtPeriod, EV.rtRelease, w.id, w.epoch, 0);
  }
  if (w.kind === 'noisy') updatePressure(m);
}

/** The kernel's own scheduler spreads processes over its least-busy online CPUs. */
function place(cpus: Cpu[], threads: number): number[] {
  const n = Math.max(1, Math.min(threads, cpus.length));
  return [...cpus]
    .sort((x, y) => x.procs - y.procs || x.id - y.id)
    .slice(0, n)
    .map((c) => c.id);
}

export function stopWorkload(m: Machine, w: Workload): void {
  if (!w.running) return;
  w.running = false;
  w.epoch++;
  for (const id of w.placement) {
    const c = m.cpus[id] as Cpu;
    c.procs = Math.max(0, c.procs - 1);
    c.runq = c.runq.filter((j) => j.wl !== w.id);
    if (c.cur?.wl === w.id) c.cur.remaining = 0;
  }
  w.placement = [];
  w.win.errors += waitingCount(w.waiting);
  w.waiting = [];
  if (w.kind === 'noisy') updatePressure(m);
}

/** A kernel stopped: its processes are gone with it (no jobs survive on halted CPUs). */
export function stopKernelWork(m: Machine, inst: Instance): void {
  for (const w of m.workloads) if (w.kernel === inst.id) stopWorkload(m, w);
}

export function startKernelWork(m: Machine, inst: Instance): void {
  for (const w of m.workloads) if (w.kernel === inst.id) startWorkload(m, w);
}

/** Move a kernel's processes off a CPU it no longer uses (hotplug offline, move to pool). */
export function evacuateCpu(m: Machine, inst: Instance, cpu: Cpu, held: Job[]): void {
  const rest = onlineCpus(m, inst).filter((c) => c.id !== cpu.id);
  for (const w of m.workloads) {
    if (w.kernel !== inst.id || !w.running) continue;
    // Several threads of one workload may share a CPU after earlier moves: move them all.
    for (let i = w.placement.length - 1; i >= 0; i--) {
      if (w.placement[i] !== cpu.id) continue;
      cpu.procs = Math.max(0, cpu.procs - 1);
      const target = [...rest].sort((x, y) => x.procs - y.procs || x.id - y.id)[0];
      if (!target) {
        w.placement.splice(i, 1);
        continue;
      }
      w.placement[i] = target.id;
      target.procs++;
      rec(m, inst, TRACE.proc, w.id, target.id);
    }
  }
  for (const j of held) {
    if (j.remaining <= 0) continue;
    const target = rest[j.wl % Math.max(1, rest.length)];
    if (target) enqueue(m, target, j);
  }
}

/** Pull one process back onto a CPU that came online, from the busiest CPU. */
export function rebalanceOnto(m: Machine, inst: Instance, cpu: Cpu): void {
  for (const w of m.workloads) {
    if (w.kernel !== inst.id || !w.running || w.placement.length >= w.threads) continue;
    w.placement.push(cpu.id);
    cpu.procs++;
    rec(m, inst, TRACE.proc, w.id, cpu.id);
    if (w.kind === 'cpu' || w.kind === 'noisy') enqueue(m, cpu, job(w.id, m.now, Infinity));
  }
}

/** Shared-hardware pressure from running noisy neighbours; every kernel feels a change. */
export function updatePressure(m: Machine): void {
  let p = 0;
  for (const w of m.workloads)
    if (w.kind === 'noisy' && w.running) p += Math.floor((w.load * K.noisyPressure) / 1000);
  if (p === m.pressure) return;
  m.pressure = p;
  for (const inst of m.instances.values()) rec(m, inst, TRACE.pressure, p, 0);
  happen(m, 'pressure', -1, { permille: p });
}
