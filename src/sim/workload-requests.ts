import { K } from './constants';
import { enqueue, pressured } from './cpu';
import { EV } from './events';
import { post } from './ipi';
import { schedule } from './machine';
import { recordLatency, rollWindow } from './metrics';
import { expInt } from './rng';
import { rec, TRACE } from './trace';
import { stopWaiting, takeOlderThan, waitFor } from './waiting';
import type { Cpu, Instance, Job, Machine, Msg, Workload } from './types';

// A running workload's requests: arrivals and real-time releases, the jobs they put on CPUs,
// the cross-kernel service they may call, and the metrics window that closes over them.

export const SERVICE_MSG_BYTES = 192;

/** Finished jobs, reused by `job`: a request's jobs then allocate nothing (less GC per event). */
const spareJobs: Job[] = [];
const SPARE_JOBS_CAP = 64;

/** Work for workload `wl` on a run queue: `remaining` ns of CPU for request `req` (−1: none). */
export function job(wl: number, born: number, remaining: number, req = -1, deadline = 0): Job {
  const j = spareJobs.pop();
  if (j === undefined) return { wl, born, req, remaining, deadline, replyTo: -1, replyWl: -1 };
  j.wl = wl;
  j.born = born;
  j.req = req;
  j.remaining = remaining;
  j.deadline = deadline;
  j.replyTo = -1;
  j.replyWl = -1;
  return j;
}

/** Hand back a finished job: no CPU, run queue or caller may hold it after. */
export function freeJob(j: Job): void {
  if (spareJobs.length < SPARE_JOBS_CAP) spareJobs.push(j);
}

function nextCpu(m: Machine, w: Workload): Cpu | undefined {
  if (w.placement.length === 0) return undefined;
  const id = w.placement[w.rr++ % w.placement.length] as number;
  return m.cpus[id] as Cpu;
}

/** The next request's arrival (exponential gaps, mean scaled by the load). */
export function scheduleArrival(m: Machine, w: Workload): void {
  if (w.load <= 0) return;
  const mean = w.kind === 'io' ? K.ioInterarrival : K.serverInterarrival;
  const gap = expInt(w.rng, Math.floor((mean * 1000) / w.load));
  schedule(m, m.now + gap, EV.arrival, w.id, w.epoch, 0);
}

export function onArrival(m: Machine, w: Workload): void {
  const inst = m.instances.get(w.kernel) as Instance;
  const req = w.reqSeq++;
  rec(m, inst, TRACE.arrive, w.id, req);
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
  rec(m, inst, TRACE.rt, w.id, 0);
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
        rec(m, inst, TRACE.miss, w.id, j.req);
      }
      return;
    case 'io':
      schedule(m, m.now + K.deviceIo, EV.ioDone, w.id, j.req, w.epoch);
      waitFor(w.waiting, j.req, j.born);
      return;
    case 'service':
      answer(m, inst, w, j);
      return;
    case 'server':
      if (w.backend < 0) {
        recordLatency(w, m.now - j.born);
        rec(m, inst, TRACE.done, w.id, j.req);
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
  if (!post(m, inst, w.backend, 'USER', 'request', SERVICE_MSG_BYTES, j.req, w.id)) {
    requestFailed(m, inst, w, j.req);
    return;
  }
  waitFor(w.waiting, j.req, j.born);
}

function answer(m: Machine, inst: Instance, svc: Workload, j: Job): void {
  recordLatency(svc, m.now - j.born);
  if (j.replyTo === inst.id) {
    const front = m.workloads[j.replyWl] as Workload;
    if (front.running) {
      recordLatency(front, m.now - j.born);
      rec(m, inst, TRACE.done, front.id, j.req);
    }
    return;
  }
  if (j.replyTo >= 0)
    post(m, inst, j.replyTo, 'USER', 'reply', SERVICE_MSG_BYTES, j.req, j.replyWl);
}

function requestFailed(m: Machine, inst: Instance, w: Workload, req: number): void {
  w.win.errors++;
  w.totalErrors++;
  rec(m, inst, TRACE.timeout, w.id, req);
}

export function serviceOf(m: Machine, kernel: number): Workload | undefined {
  return m.workloads.find((w) => w.kernel === kernel && w.kind === 'service' && w.running);
}

export function onIoDone(m: Machine, w: Workload, req: number): void {
  const born = stopWaiting(w.waiting, req);
  if (born === undefined) return;
  const inst = m.instances.get(w.kernel) as Instance;
  const dev = w.device ? m.devices.find((d) => d.pci === w.device) : undefined;
  if (!dev || dev.owner !== w.kernel) {
    requestFailed(m, inst, w, req);
    return;
  }
  recordLatency(w, m.now - born);
  rec(m, inst, TRACE.io, w.id, req);
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
    const born = w ? stopWaiting(w.waiting, msg.a) : undefined;
    if (!w || born === undefined) return;
    recordLatency(w, m.now - born);
    rec(m, inst, TRACE.done, w.id, msg.a);
  }
}

/** Every metrics window: close each workload's window; give up on requests waiting too long. */
export function onMetricsTick(m: Machine): void {
  for (const w of m.workloads) {
    const inst = m.instances.get(w.kernel);
    for (const req of takeOlderThan(w.waiting, m.now - K.requestTimeout)) {
      if (inst) requestFailed(m, inst, w, req);
    }
    rollWindow(w, m.now, K.metricsWindow);
  }
  schedule(m, m.now + K.metricsWindow, EV.metricsTick, 0, 0, 0);
}
