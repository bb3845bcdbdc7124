import { K } from './constants';
import { chargeIrq } from './cpu';
import { fail, OK } from './errors';
import { EV } from './events';
import { irqCpu, sendMessage, sendRawIpi } from './ipi';
import { panic } from './halt';
import { happen, instanceByName, isRunning, klog, schedule } from './machine';
import { BLOCK_MIB } from './time';
import { rec, TRACE } from './trace';
import { LIFE } from '../contract';
import { stopKernelWork } from './workloads';
import type { ApplyResult, Cpu, FaultInput, FaultKind, Instance, Machine } from './types';

/** The first 16 MiB of a kernel's memory hold its text: a scribble there crashes it. */
export const KERNEL_TEXT_MIB = 16;
const FLOOD_BYTES = 64;

function running(m: Machine, name: string): Instance | ApplyResult {
  const inst = instanceByName(m, name);
  if (!inst) return fail('ENOENT', `No such instance: ${name}`);
  if (!isRunning(inst)) return fail('EINVAL', `instance ${name} is not running`);
  return inst;
}
const isInst = (x: Instance | ApplyResult): x is Instance => 'epoch' in x;

function noted(m: Machine, kind: FaultKind, target: string): void {
  m.counters.faults[kind]++;
  m.faults.push({ t: m.now, kind, target });
  if (m.faults.length > 100) m.faults.shift();
}

export function injectFault(m: Machine, f: FaultInput): ApplyResult {
  switch (f.kind) {
    case 'panic': {
      const inst = running(m, f.target);
      if (!isInst(inst)) return inst;
      noted(m, 'panic', f.target);
      panic(m, inst, 'Fatal exception (lab fault: NULL pointer dereference)');
      return OK;
    }
    case 'lockup': {
      const inst = running(m, f.target);
      if (!isInst(inst)) return inst;
      noted(m, 'lockup', f.target);
      // Spinning with interrupts off: nothing runs, no IPI is handled, NMIs still get in.
      inst.hung = true;
      inst.epoch++;
      stopKernelWork(m, inst);
      for (const cid of inst.cpus) {
        const c = m.cpus[cid] as Cpu;
        if (c.owner !== inst.id) continue;
        c.epoch++;
        c.cur = null;
        c.runq = [];
        c.irqDebt = 0;
      }
      klog(m, inst, `watchdog: CPU${inst.cpus[0]}: hard LOCKUP (lab fault)`);
      happen(m, 'lockup', inst.id);
      rec(m, inst, TRACE.life, LIFE.lockup, 0);
      return OK;
    }
    case 'scribble': {
      const from = running(m, f.from);
      if (!isInst(from)) return from;
      const to = instanceByName(m, f.target);
      if (!to) return fail('ENOENT', `No such instance: ${f.target}`);
      if (to.id === from.id)
        return fail('EINVAL', 'a kernel writing its own memory is no scribble');
      const offset = f.offsetMiB ?? 64;
      const size = to.memBlocks.length * BLOCK_MIB;
      if (!Number.isInteger(offset) || offset < 0 || offset >= size) {
        return fail('EINVAL', `offset ${offset} MiB is outside ${f.target}'s ${size} MiB`);
      }
      const bytes = f.bytes ?? 4096;
      noted(m, 'scribble', f.target);
      // Nothing in hardware stops it: no EPT or stage-2 between kernels (facts §1.13).
      to.corruptBytes += bytes;
      rec(m, to, TRACE.corrupt, from.id, bytes);
      happen(m, 'scribble', to.id, { from: from.id, bytes, offsetMiB: offset });
      if (offset < KERNEL_TEXT_MIB && isRunning(to)) {
        schedule(m, m.now + K.scribbleCrash, EV.scribbleCrash, to.id, to.epoch, 0);
      }
      return OK;
    }
    case 'dma': {
      const d = m.devices.find((x) => x.pci === f.device);
      if (!d) return fail('ENOENT', `No such device: ${f.device}`);
      const to = instanceByName(m, f.target);
      if (!to) return fail('ENOENT', `No such instance: ${f.target}`);
      if (d.owner === to.id)
        return fail('EINVAL', `${f.device} belongs to ${f.target}: that DMA is legitimate`);
      noted(m, 'dma', f.target);
      const bytes = f.bytes ?? 4096;
      // A lent device's domain maps only its instance's memory (kernel/multikernel/iommu.c).
      if (m.iommu && d.domain) {
        m.counters.dmaBlocked++;
        happen(m, 'dma.blocked', to.id, { pci: d.pci });
        return OK;
      }
      to.corruptBytes += bytes;
      rec(m, to, TRACE.corrupt, d.owner, bytes);
      happen(m, 'dma.corrupt', to.id, { pci: d.pci, bytes });
      return OK;
    }
    case 'ipi-flood': {
      const from = running(m, f.from);
      if (!isInst(from)) return from;
      const to = instanceByName(m, f.target);
      if (!to) return fail('ENOENT', `No such instance: ${f.target}`);
      const count = f.count ?? 128;
      const interval = f.intervalNs ?? 0;
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
        return fail('EINVAL', 'count must be 1–1000000');
      if (!Number.isInteger(interval) || interval < 0)
        return fail('EINVAL', 'interval must be ≥ 0 ns');
      noted(m, 'ipi-flood', f.target);
      happen(m, 'ipi-flood', to.id, { from: from.id, count });
      const flood = { from: from.id, to: to.id, interval, raw: f.raw ?? false, left: count, rr: 0 };
      if (interval === 0) {
        while (flood.left > 0) floodOne(m, flood);
      } else {
        m.floods.push(flood);
        schedule(m, m.now, EV.floodSend, m.floods.length - 1, 0, 0);
      }
      return OK;
    }
    case 'machine-wide': {
      const from = running(m, f.from);
      if (!isInst(from)) return from;
      noted(m, 'machine-wide', f.from);
      // WBINVD or a split-lock toggle hurts every kernel: no supervisor stops it (facts §2, Hansen).
      for (const c of m.cpus) if (c.state === 'online') chargeIrq(c, K.stall);
      for (const inst of m.instances.values()) {
        if (!isRunning(inst)) continue;
        inst.stats.stalls++;
        rec(m, inst, TRACE.stall, from.id, K.stall);
        happen(m, 'stall', inst.id, { from: from.id, op: f.op ?? 'wbinvd' });
      }
      return OK;
    }
    case 'claim-miss': {
      const c = m.cpus[f.cpu];
      if (!Number.isInteger(f.cpu) || !c) return fail('ENOENT', `No such CPU: ${f.cpu}`);
      noted(m, 'claim-miss', `cpu${f.cpu}`);
      c.claimBroken = true;
      happen(m, 'claim-miss', c.owner, { cpu: f.cpu });
      return OK;
    }
  }
}

/** One shot of a flood: a message into the ring, or a bare IPI at the next CPU of the target. */
export function floodOne(m: Machine, f: Machine['floods'][number]): void {
  f.left--;
  const from = m.instances.get(f.from);
  const to = m.instances.get(f.to);
  if (!from || !to || !isRunning(from)) {
    f.left = 0;
    return;
  }
  if (!f.raw) {
    sendMessage(m, from, to.id, 'USER', 'flood', FLOOD_BYTES, f.left, 0);
    return;
  }
  const cpus = to.cpus.map((id) => m.cpus[id] as Cpu).filter((c) => c.owner === to.id);
  const cpu = cpus[f.rr++ % Math.max(1, cpus.length)] ?? irqCpu(m, to);
  if (cpu) sendRawIpi(m, from.id, to.id, cpu);
}
