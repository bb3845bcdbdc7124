import { EVENT_KIND_COUNT, EV } from './events';
import { newEv, queuePush } from './queue';
import { BLOCK_MIB } from './time';
import { K } from './constants';
import { noteCpus } from './visual';
import {
  FAULT_KINDS,
  HOST,
  POOL,
  type Counters,
  type Cpu,
  type FaultKind,
  type Happening,
  type Instance,
  type KernelImage,
  type Machine,
  type MachineConfig,
} from './types';
import type { HappeningDetails, HappeningKind } from '../contract';

export const RECENT_CAP = 200;
export const DMESG_CAP = 300;
export const HOST_IMAGE: KernelImage = { name: 'vmlinuz', version: '6.18.0-mk', kind: 'general' };

export function emptyCounters(): Counters {
  return {
    events: 0,
    stale: 0,
    byKind: new Array<number>(EVENT_KIND_COUNT).fill(0),
    sent: 0,
    fates: { 'in-flight': 0, delivered: 0, 'rejected-enospc': 0, overwritten: 0, dropped: 0 },
    dropReasons: { 'target-halted': 0, 'ring-reset': 0, 'target-gone': 0 },
    dmaBlocked: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((f) => [f, 0])) as Record<FaultKind, number>,
  };
}

export function newInstance(
  m: Machine,
  id: number,
  name: string,
  image: KernelImage | null,
): Instance {
  return {
    id,
    name,
    image,
    state: 'ready',
    pending: null,
    cpus: [],
    reservedOnly: false,
    memBlocks: [],
    devices: [],
    llcWays: 0,
    panicked: false,
    hung: false,
    epoch: 0,
    ring: { entries: new Array<null>(K.ringEntries).fill(null), head: 0, tail: 0 },
    msgSeq: 0,
    corruptBytes: 0,
    bootedAt: -1,
    stats: { ipisReceived: 0, msgsSent: 0, msgsReceived: 0, enospc: 0, stalls: 0 },
    traceHash: (0x811c9dc5 ^ id) >>> 0,
    trace: m.config.recordTraces ? [] : null,
    dmesg: [],
  };
}

/** Builds the machine at power-on: the host owns every CPU, device and all memory but the pool. */
export function bootMachine(config: MachineConfig, seed: number): Machine {
  const blockCount = Math.floor(config.memoryMiB / BLOCK_MIB);
  const poolBlocks = config.monolithic ? 0 : Math.floor(config.poolMiB / BLOCK_MIB);
  const perNode = Math.max(1, Math.floor(config.cpus / config.numaNodes));
  const cpus: Cpu[] = [];
  for (let id = 0; id < config.cpus; id++) {
    cpus.push({
      id,
      numa: Math.min(config.numaNodes - 1, Math.floor(id / perNode)),
      owner: HOST,
      state: 'online',
      epoch: 0,
      cur: null,
      runq: [],
      irqDebt: 0,
      sliceLen: 0,
      busyNs: 0,
      procs: 0,
      slot: null,
      claimBroken: false,
    });
  }
  // mkkernel_pool= is reserved by memblock early in boot: the top of RAM (facts §1.6).
  const blocks = new Array<number>(blockCount)
    .fill(HOST)
    .map((_, i) => (i >= blockCount - poolBlocks ? POOL : HOST));
  const m: Machine = {
    config,
    version: config.version,
    iommu: config.iommu,
    now: 0,
    seq: 0,
    token: 0,
    queue: [],
    cpus,
    blocks,
    poolTx: [],
    txSeq: 0,
    devices: config.devices.map((d) => ({ ...d, owner: HOST, domain: false })),
    instances: new Map(),
    workloads: [],
    wlSeq: 0,
    pressure: 0,
    counters: emptyCounters(),
    hashLo: (0x811c9dc5 ^ (seed >>> 0)) >>> 0,
    hashHi: 0x6a09e667,
    recent: [],
    happeningSeq: 0,
    faults: [],
    audit: config.auditMessages ? new Map() : null,
    floods: [],
    seed,
    traffic: [],
    trafficNums: new Float64Array(0),
    trafficTexts: [],
    trafficRawAt: 0,
    trafficRawCount: 0,
    trafficSeq: 0,
    cpuLog: [],
    cpuLogSeq: 0,
    cpuSeen: cpus.map(() => -1),
    slices: config.exportTrace ? [] : null,
  };
  const host = newInstance(m, HOST, 'host', HOST_IMAGE);
  host.state = 'active';
  host.bootedAt = 0;
  host.cpus = cpus.map((c) => c.id);
  host.memBlocks = blocks.flatMap((o, i) => (o === HOST ? [i] : []));
  host.devices = config.devices.map((d) => d.pci);
  m.instances.set(HOST, host);
  klog(m, host, `Linux version ${HOST_IMAGE.version} booted on ${config.cpus} CPUs`);
  if (poolBlocks > 0) {
    klog(
      m,
      host,
      `multikernel: memory pool of ${poolBlocks * BLOCK_MIB} MiB reserved (mkkernel_pool=)`,
    );
  }
  schedule(m, K.metricsWindow, EV.metricsTick, 0, 0, 0);
  noteCpus(m);
  return m;
}

export function schedule(m: Machine, at: number, k: number, a: number, b: number, c: number): void {
  queuePush(m.queue, newEv(at, m.seq++, k, a, b, c));
}

export function nextToken(m: Machine): number {
  return ++m.token;
}

export function instanceByName(m: Machine, name: string): Instance | undefined {
  for (const inst of m.instances.values()) if (inst.name === name) return inst;
  return undefined;
}

export function host(m: Machine): Instance {
  return m.instances.get(HOST) as Instance;
}

/** A kernel log line, as the kernel prints it (the shell's dmesg shows these verbatim). */
export function klog(m: Machine, inst: Instance, text: string): void {
  inst.dmesg.push({ t: m.now, text });
  if (inst.dmesg.length > DMESG_CAP) inst.dmesg.splice(0, inst.dmesg.length - DMESG_CAP);
}

/** Something worth narrating in the UI's event log. Bounded; never one per IPI. */
export function happen<K extends HappeningKind>(
  m: Machine,
  kind: K,
  kernel: number,
  ...[detail]: HappeningDetails[K] extends Record<string, never>
    ? [detail?: HappeningDetails[K]]
    : [detail: HappeningDetails[K]]
): void {
  const h: Happening = { seq: m.happeningSeq++, t: m.now, kind, kernel, detail: detail ?? {} };
  m.recent.push(h);
  if (m.recent.length > RECENT_CAP) m.recent.splice(0, m.recent.length - RECENT_CAP);
}

/** Can this kernel run code right now? */
export function isRunning(inst: Instance): boolean {
  return inst.state === 'active' && !inst.panicked && !inst.hung && inst.pending?.op !== 'force';
}

export function kernelCpus(m: Machine, inst: Instance): Cpu[] {
  return inst.cpus.map((id) => m.cpus[id] as Cpu);
}

export function onlineCpus(m: Machine, inst: Instance): Cpu[] {
  return kernelCpus(m, inst).filter((c) => c.state === 'online' && c.owner === inst.id);
}

/** Free pool blocks; a block carved for a spawn carries the spawn's id instead of POOL. */
export function poolFreeBlocks(m: Machine): number[] {
  const free: number[] = [];
  m.blocks.forEach((o, i) => {
    if (o === POOL) free.push(i);
  });
  return free;
}
