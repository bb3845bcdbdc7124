import { K } from './constants';
import { enqueue, pressured } from './cpu';
import { EV } from './events';
import { sendMessage } from './ipi';
import { happen, isRunning, onlineCpus, schedule } from './machine';
import { newWindow, recordLatency, rollWindow } from './metrics';
import { expInt, seedRng } from './rng';
import { rec } from './trace';
import type { Cpu, Instance, Job, Machine, Msg, Workload, WorkloadKind } from './types';

export const SERVICE_MSG_BYTES = 192;

function job(wl: number, born: number, remaining: number, req = -1, deadline = 0): Job {
  return { wl, born, req, remaining, deadline, replyTo: -1, replyWl: -1 };
}

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
    waiting: {},
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
  rec(m, inst, 'proc', w.id, w.placement.length);
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
  for (const _ of Object.keys(w.waiting)) w.win.errors++;
  w.waiting = {};
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
      rec(m, inst, 'proc', w.id, target.id);
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
    rec(m, inst, 'proc', w.id, cpu.id);
    if (w.kind === 'cpu' || w.kind === 'noisy') enqueue(m, cpu, job(w.id, m.now, Infinity));
  }
}

function nextCpu(m: Machine, w: Workload): Cpu | undefined {
  if (w.placement.length === 0) return undefined;
  const id = w.placement[w.rr++ % w.placement.length] as number;
  return m.cpus[id] as Cpu;
}

function scheduleArrival(m: Machine, w: Workload): void {
  if (w.load <= 0) return;
  const mean = w.kind === 'io' ? K.ioInterarrival : K.serverInterarrival;
  const gap = expInt(w.rng, Math.floor((mean * 1000) / w.load));
  schedule(m, m.now + gap, EV.arrival, w.id, w.epoch, 0);
}

export function onArrival(m: Machine, w: Workload): void {
  const inst = m.instances.get(w.kernel) as Instance;
  const req = w.reqSeq++;
  rec(m, inst, 'arrive', w.id, req);
  const cpu = nextCpu(m, w);
  if (cpu) {
    const remote = w.backend >= 0 && w.backend !== w.kernel;
    const base = w.kind === 'io' ? K.ioCost : remote ? K.frontCost : K.serverCost;
    enqueue(m, cpu, job(w.id, m.now, pressured(m, inst.llcWays, expInt(w.rng, base)), req));
  }
  scheduleArrival(m, w);
}

export function onRtRelease(m: Machine, w: Workload): void {
  const inst = m.instances.get(w.kernel) as Instance;
  const period = K.rtPeriod;
  const wcet = K.rtWcet;
  rec(m, inst, 'rt', w.id, 0);
  const cpu = nextCpu(m, w);
  if (cpu)
    enqueue(m, cpu, job(w.id, m.now, pressured(m, inst.llcWays, wcet), w.reqSeq++, m.now + period));
  schedule(m, m.now + period, EV.rtRelease, w.id, w.epoch, 0);
}

/** A job finished on a CPU of `inst`. */
export function onJobDone(m: Machine, inst: Instance, j: Job): void {
  const w = m.workloads[j.wl] as Workload;
  switch (w.kind) {
    case 'cpu':
    case 'noisy':
      return;
    case 'rt':
      recordLatency(w, m.now - j.born);
      if (m.now > j.deadline) {
        w.win.misses++;
        w.totalMisses++;
        rec(m, inst, 'miss', w.id, j.req);
      }
      return;
    case 'io':
      schedule(m, m.now + K.deviceIo, EV.ioDone, w.id, j.req, w.epoch);
      w.waiting[j.req] = j.born;
      return;
    case 'service':
      answer(m, inst, w, j);
      return;
    case 'server':
      if (w.backend < 0) {
        recordLatency(w, m.now - j.born);
        rec(m, inst, 'done', w.id, j.req);
      } else if (w.backend === w.kernel) {
        localBackend(m, inst, w, j);
      } else {
        forward(m, inst, w, j);
      }
      return;
  }
}

/** Same-kernel backend (the monolithic twin, or a service beside its front end). */
function localBackend(m: Machine, inst: Instance, w: Workload, j: Job): void {
  const svc = serviceOf(m, w.kernel);
  const cpu = svc ? nextCpu(m, svc) : undefined;
  if (!svc || !cpu) {
    requestFailed(m, inst, w, j.req);
    return;
  }
  const next = job(
    svc.id,
    j.born,
    pressured(m, inst.llcWays, expInt(svc.rng, K.serviceCost)),
    j.req,
  );
  next.replyTo = inst.id;
  next.replyWl = w.id;
  enqueue(m, cpu, next);
}

/** The vendor's split design: the request sits in shared memory, the IPI is the doorbell. */
function forward(m: Machine, inst: Instance, w: Workload, j: Job): void {
  const r = sendMessage(m, inst, w.backend, 'USER', 'request', SERVICE_MSG_BYTES, j.req, w.id);
  if (!r.ok) {
    requestFailed(m, inst, w, j.req);
    return;
  }
  w.waiting[j.req] = j.born;
}

function answer(m: Machine, inst: Instance, svc: Workload, j: Job): void {
  recordLatency(svc, m.now - j.born);
  if (j.replyTo === inst.id) {
    const front = m.workloads[j.replyWl] as Workload;
    if (front.running) {
      recordLatency(front, m.now - j.born);
      rec(m, inst, 'done', front.id, j.req);
    }
    return;
  }
  if (j.replyTo >= 0)
    sendMessage(m, inst, j.replyTo, 'USER', 'reply', SERVICE_MSG_BYTES, j.req, j.replyWl);
}

function requestFailed(m: Machine, inst: Instance, w: Workload, req: number): void {
  w.win.errors++;
  w.totalErrors++;
  rec(m, inst, 'timeout', w.id, req);
}

export function serviceOf(m: Machine, kernel: number): Workload | undefined {
  return m.workloads.find((w) => w.kernel === kernel && w.kind === 'service' && w.running);
}

export function onIoDone(m: Machine, w: Workload, req: number): void {
  const born = w.waiting[req];
  if (born === undefined) return;
  delete w.waiting[req];
  const inst = m.instances.get(w.kernel) as Instance;
  const dev = w.device ? m.devices.find((d) => d.pci === w.device) : undefined;
  if (!dev || dev.owner !== w.kernel) {
    requestFailed(m, inst, w, req);
    return;
  }
  recordLatency(w, m.now - born);
  rec(m, inst, 'io', w.id, req);
}

/** USER messages of the cross-kernel service. */
export function onServiceMessage(m: Machine, inst: Instance, msg: Msg): void {
  if (msg.subtype === 'request') {
    const svc = serviceOf(m, inst.id);
    const target = svc ? nextCpu(m, svc) : undefined;
    if (!svc || !target) return; // nobody serves: the front end times out
    const cost = pressured(m, inst.llcWays, expInt(svc.rng, K.serviceCost));
    const j = job(svc.id, m.now, cost, msg.a);
    j.replyTo = msg.from;
    j.replyWl = msg.b;
    enqueue(m, target, j);
  } else if (msg.subtype === 'reply') {
    const w = m.workloads[msg.b];
    const born = w?.waiting[msg.a];
    if (!w || born === undefined) return;
    delete w.waiting[msg.a];
    recordLatency(w, m.now - born);
    rec(m, inst, 'done', w.id, msg.a);
  }
}

/** Shared-hardware pressure from running noisy neighbours; every kernel feels a change. */
export function updatePressure(m: Machine): void {
  let p = 0;
  for (const w of m.workloads)
    if (w.kind === 'noisy' && w.running) p += Math.floor((w.load * K.noisyPressure) / 1000);
  if (p === m.pressure) return;
  m.pressure = p;
  for (const inst of m.instances.values()) rec(m, inst, 'pressure', p, 0);
  happen(m, 'pressure', -1, { permille: p });
}

/** Every metrics window: close each workload's window; give up on requests waiting too long. */
export function onMetricsTick(m: Machine): void {
  for (const w of m.workloads) {
    const inst = m.instances.get(w.kernel);
    for (const key of Object.keys(w.waiting)) {
      const req = Number(key);
      if (m.now - (w.waiting[req] as number) >= K.requestTimeout) {
        delete w.waiting[req];
        if (inst) requestFailed(m, inst, w, req);
      }
    }
    rollWindow(w, m.now, K.metricsWindow);
  }
  schedule(m, m.now + K.metricsWindow, EV.metricsTick, 0, 0, 0);
}
