import { stopCpu } from './cpu';
import { fail, OK } from './errors';
import { happen, host, instanceByName, klog } from './machine';
import { BLOCK_MIB } from './time';
import { evacuateCpu, rebalanceOnto } from './workloads';
import {
  HOST,
  POOL,
  PROPOSAL_VERSIONS,
  type ApplyResult,
  type Cpu,
  type Instance,
  type Machine,
  type ProposalVersion,
} from './types';

/** The host keeps at least this much memory when the pool grows (model assumption). */
export const HOST_MIN_MIB = 1024;

function hostCpu(m: Machine, id: number): Cpu | ApplyResult {
  const c = m.cpus[id];
  if (!Number.isInteger(id) || !c) return fail('ENOENT', `No such CPU: ${id}`);
  if (c.owner === POOL) return fail('EBUSY', `CPU ${id} is in the multikernel pool`);
  if (c.owner !== HOST) {
    const o = m.instances.get(c.owner);
    return fail('EBUSY', `CPU ${id} belongs to instance ${c.owner}${o ? ` (${o.name})` : ''}`);
  }
  return c;
}

const isCpu = (x: Cpu | ApplyResult): x is Cpu => 'numa' in x;

function lastOnline(m: Machine, c: Cpu): boolean {
  return (
    c.state === 'online' &&
    m.cpus.filter((x) => x.owner === HOST && x.state === 'online').length <= 1
  );
}

/** echo 0|1 > /sys/devices/system/cpu/cpuN/online: the host's scheduler stops or resumes using it. */
export function hotplug(m: Machine, id: number, online: boolean): ApplyResult {
  const c = hostCpu(m, id);
  if (!isCpu(c)) return c;
  const h = host(m);
  if (!online) {
    if (c.state !== 'online') return OK;
    if (lastOnline(m, c)) return fail('EBUSY', 'cannot offline the last online CPU');
    evacuateCpu(m, h, c, stopCpu(c, 'offline'));
    klog(m, h, `smpboot: CPU ${id} is now offline`);
    happen(m, 'cpu.offline', HOST, { cpu: id });
    return OK;
  }
  if (c.state === 'online') return OK;
  c.state = 'online';
  klog(m, h, `smpboot: Booting Node ${c.numa} Processor ${id} APIC 0x${id.toString(16)}`);
  happen(m, 'cpu.online', HOST, { cpu: id });
  rebalanceOnto(m, h, c);
  return OK;
}

/** GitHub tree: a pool CPU waits in multikernel_play_dead(), HLT/MWAIT, APIC on (facts §1.5). */
export function toPool(m: Machine, id: number): ApplyResult {
  if (m.version !== 'github')
    return fail('EOPNOTSUPP', 'the CPU pool came with the GitHub tree; v1/v2 use hotplug');
  const c = hostCpu(m, id);
  if (!isCpu(c)) return c;
  if (lastOnline(m, c)) return fail('EBUSY', 'the host must keep one online CPU');
  const h = host(m);
  evacuateCpu(m, h, c, stopCpu(c, 'parked'));
  c.owner = POOL;
  h.cpus = h.cpus.filter((x) => x !== id);
  klog(m, h, `multikernel: CPU ${id} parked in pool`);
  happen(m, 'cpu.pool', POOL, { cpu: id });
  return OK;
}

export function fromPool(m: Machine, id: number): ApplyResult {
  const c = m.cpus[id];
  if (!Number.isInteger(id) || !c) return fail('ENOENT', `No such CPU: ${id}`);
  if (c.owner !== POOL) return fail('EBUSY', `CPU ${id} is not a free pool CPU`);
  const h = host(m);
  c.owner = HOST;
  c.state = 'online';
  h.cpus.push(id);
  h.cpus.sort((x, y) => x - y);
  klog(m, h, `multikernel: CPU ${id} returned to the host`);
  happen(m, 'cpu.host', HOST, { cpu: id });
  rebalanceOnto(m, h, c);
  return OK;
}

/** GitHub tree: the pool grows at runtime, contiguously, per NUMA node, by an overlay (facts §1.6). */
export function growPool(m: Machine, memMiB: number, numa: number | undefined): ApplyResult {
  if (m.version !== 'github')
    return fail('EOPNOTSUPP', 'v1/v2 fix the pool at boot (mkkernel_pool=)');
  if (m.config.monolithic)
    return fail('EOPNOTSUPP', 'this machine runs one kernel: no multikernel pool');
  if (!Number.isInteger(memMiB) || memMiB <= 0)
    return fail('EINVAL', 'size must be a positive number of MiB');
  const need = Math.ceil(memMiB / BLOCK_MIB);
  const h = host(m);
  if ((h.memBlocks.length - need) * BLOCK_MIB < HOST_MIN_MIB)
    return fail('ENOMEM', 'the host would keep too little memory');
  const perNode = Math.floor(m.blocks.length / m.config.numaNodes);
  const nodes = numa === undefined ? [...Array(m.config.numaNodes).keys()].reverse() : [numa];
  for (const node of nodes) {
    if (!Number.isInteger(node) || node < 0 || node >= m.config.numaNodes)
      return fail('EINVAL', `No such NUMA node: ${node}`);
    const lo = node * perNode;
    const hi = node === m.config.numaNodes - 1 ? m.blocks.length : lo + perNode;
    // The highest contiguous run of host blocks in the node (CONTIG_ALLOC).
    for (let end = hi; end - need >= lo; end--) {
      let okRun = true;
      for (let b = end - need; b < end; b++) if (m.blocks[b] !== HOST) okRun = false;
      if (!okRun) continue;
      const blocks = [...Array(need).keys()].map((i) => end - need + i);
      for (const b of blocks) m.blocks[b] = POOL;
      h.memBlocks = h.memBlocks.filter((b) => !blocks.includes(b));
      const tx = ++m.txSeq;
      m.poolTx.push({ tx, blocks });
      klog(
        m,
        h,
        `multikernel: pool grown by ${need * BLOCK_MIB} MiB on node ${node} (overlays/tx_${tx})`,
      );
      happen(m, 'pool.grow', POOL, { mib: need * BLOCK_MIB, tx });
      return { ok: true, id: tx };
    }
  }
  return fail('ENOMEM', `no contiguous ${need * BLOCK_MIB} MiB of host memory`);
}

/** rmdir overlays/tx_N rolls the growth back, if none of it is in use. */
export function rollbackPool(m: Machine, tx: number): ApplyResult {
  const i = m.poolTx.findIndex((p) => p.tx === tx);
  const entry = m.poolTx[i];
  if (!entry) return fail('ENOENT', `No such overlay: tx_${tx}`);
  if (entry.blocks.some((b) => m.blocks[b] !== POOL))
    return fail('EBUSY', `tx_${tx}: part of it is in use`);
  const h = host(m);
  for (const b of entry.blocks) m.blocks[b] = HOST;
  h.memBlocks = [...h.memBlocks, ...entry.blocks].sort((x, y) => x - y);
  m.poolTx.splice(i, 1);
  klog(m, h, `multikernel: overlay tx_${tx} rolled back`);
  return OK;
}

/** Lend one PCI function (GitHub `device-add` overlay); with the IOMMU on it gets its own domain. */
export function lendDevice(m: Machine, pci: string, inst: Instance): void {
  const d = m.devices.find((x) => x.pci === pci);
  if (!d) return;
  const h = host(m);
  d.owner = inst.id;
  d.domain = m.iommu;
  inst.devices.push(pci);
  h.devices = h.devices.filter((x) => x !== pci);
  klog(
    m,
    h,
    `multikernel: device ${pci} lent to instance ${inst.id} (${inst.name})${d.domain ? ', IOMMU domain created' : ''}`,
  );
  happen(m, 'device.lend', inst.id, { pci });
}

export function lend(m: Machine, pci: string, name: string): ApplyResult {
  if (m.version !== 'github') return fail('EOPNOTSUPP', 'v1 and v2 have no device assignment');
  const d = m.devices.find((x) => x.pci === pci);
  if (!d) return fail('ENOENT', `No such device: ${pci}`);
  const inst = instanceByName(m, name);
  if (!inst) return fail('ENOENT', `No such instance: ${name}`);
  if (inst.id === HOST) return fail('EINVAL', 'devices are lent to spawned instances');
  if (d.owner !== HOST) return fail('EBUSY', `device ${pci} is already lent`);
  if (inst.state === 'failed') return fail('EINVAL', `instance ${name} has failed`);
  lendDevice(m, pci, inst);
  return OK;
}

export function giveBack(m: Machine, pci: string): ApplyResult {
  const d = m.devices.find((x) => x.pci === pci);
  if (!d) return fail('ENOENT', `No such device: ${pci}`);
  if (d.owner === HOST) return fail('EINVAL', `device ${pci} is not lent`);
  const inst = m.instances.get(d.owner);
  if (inst) inst.devices = inst.devices.filter((x) => x !== pci);
  d.owner = HOST;
  d.domain = false;
  host(m).devices.push(pci);
  klog(m, host(m), `multikernel: device ${pci} returned to the host`);
  happen(m, 'device.return', HOST, { pci });
  return OK;
}

export function setIommu(m: Machine, on: boolean): ApplyResult {
  m.iommu = on;
  for (const d of m.devices) d.domain = on && d.owner !== HOST;
  klog(m, host(m), `multikernel: IOMMU DMA containment ${on ? 'on' : 'off'}`);
  happen(m, 'iommu', HOST, { on: on ? 1 : 0 });
  return OK;
}

export function setVersion(m: Machine, v: ProposalVersion): ApplyResult {
  if (!PROPOSAL_VERSIONS.includes(v))
    return fail('EINVAL', `unknown proposal version ${String(v)}`);
  m.version = v;
  happen(m, 'version', HOST, { version: v });
  return OK;
}
