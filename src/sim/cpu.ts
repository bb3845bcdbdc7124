import { K } from './constants';
import { EV } from './events';
import { schedule } from './machine';
import type { Cpu, CpuState, Job, Machine } from './types';

/** A job's cost under shared-hardware pressure (illustrative LLC / bandwidth coupling). */
export function pressured(m: Machine, llcWays: number, cost: number): number {
  if (m.pressure === 0) return cost;
  const p = llcWays > 0 ? Math.floor((m.pressure * K.llcPartitionRelief) / 1000) : m.pressure;
  return Math.floor((cost * (1000 + p)) / 1000);
}

/** Queue a job on a CPU of a running kernel; real-time jobs go ahead of the rest. */
export function enqueue(m: Machine, cpu: Cpu, job: Job): void {
  if (cpu.cur === null) {
    startJob(m, cpu, job);
    return;
  }
  if (job.deadline > 0) {
    const i = cpu.runq.findIndex((j) => j.deadline === 0);
    if (i >= 0) {
      cpu.runq.splice(i, 0, job);
      return;
    }
  }
  cpu.runq.push(job);
}

/** Runs a job for one slice; cpu-bound threads carry `remaining = Infinity`. */
export function startJob(m: Machine, cpu: Cpu, job: Job): void {
  cpu.cur = job;
  cpu.sliceLen = job.remaining < K.quantum ? job.remaining : K.quantum;
  schedule(m, m.now + cpu.sliceLen, EV.cpuDone, cpu.id, cpu.epoch, 0);
}

/** Interrupt work on a CPU delays whatever it runs (the IPI-flood DoS of facts §2). */
export function chargeIrq(cpu: Cpu, ns: number): void {
  cpu.busyNs += ns;
  if (cpu.cur !== null) cpu.irqDebt += ns;
}

/** The CPU stops what it runs; queued events for it become stale. Returns the jobs it held. */
export function stopCpu(cpu: Cpu, state: CpuState): Job[] {
  const held = cpu.cur ? [cpu.cur, ...cpu.runq] : cpu.runq;
  cpu.epoch++;
  cpu.cur = null;
  cpu.runq = [];
  cpu.irqDebt = 0;
  cpu.sliceLen = 0;
  cpu.state = state;
  return held;
}
