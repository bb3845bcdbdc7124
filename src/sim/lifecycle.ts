import { K } from './constants';
import { stopCpu } from './cpu';
import { fail, OK } from './errors';
import { EV } from './events';
import { resetRing } from './ipi';
import {
  happen,
  host,
  instanceByName,
  klog,
  newInstance,
  nextToken,
  poolFreeBlocks,
  schedule,
} from './machine';
import { evacuateCpu, startKernelWork } from './workloads';
import { lendDevice } from './resources';
import { BLOCK_MIB } from './time';
import { rec } from './trace';
import { LIFE, OBSERVE } from '../contract';
import {
  HOST,
  MAX_INSTANCE_ID,
  POOL,
  type ApplyResult,
  type Cpu,
  type CpuState,
  type Input,
  type Instance,
  type KernelImage,
  type Machine,
  type SimError,
} from './types';

export const DEFAULT_IMAGE: KernelImage = {
  name: 'vmlinuz-mk',
  version: '6.18.0-mk',
  kind: 'general',
};
const NAME_RE = /^[a-z][a-z0-9_-]{0,31}$/;

/** Where an idle CPU of a spawn waits: GitHub parks it; v1/v2 leave it hot-unplugged (facts §1.5). */
export function restState(m: Machine): CpuState {
  return m.version === 'github' ? 'parked' : 'offline';
}

export function spawnByName(m: Machine, name: string): Instance | SimError {
  const inst = instanceByName(m, name);
  if (!inst) return fail('ENOENT', `No such instance: ${name}`);
  if (inst.id === HOST) return fail('EPERM', 'the host (instance 0) is not managed by these verbs');
  return inst;
}

export const isErr = (x: Instance | SimError): x is SimError => 'ok' in x;

type CreateInput = Extract<Input, { type: 'instance.create' }>;

export function create(m: Machine, input: CreateInput): ApplyResult {
  if (m.config.monolithic)
    return fail('EOPNOTSUPP', 'this machine runs one kernel: no multikernel support');
  if (!NAME_RE.test(input.name)) return fail('EINVAL', `invalid instance name "${input.name}"`);
  if (instanceByName(m, input.name)) return fail('EEXIST', `instance ${input.name} already exists`);
  const id = input.id ?? lowestFreeId(m);
  if (!Number.isInteger(id) || id < 1 || id > MAX_INSTANCE_ID) {
    return fail('EINVAL', `instance id ${id} is outside 1–${MAX_INSTANCE_ID}`);
  }
  if (m.instances.has(id)) return fail('EEXIST', `instance id ${id} is in use`);
  const cpuErr = checkCpus(m, input.cpus);
  if (cpuErr) return cpuErr;
  const need = Math.ceil(input.memMiB / BLOCK_MIB);
  if (!Number.isInteger(input.memMiB) || input.memMiB <= 0)
    return fail('EINVAL', 'memory must be a positive size');
  const free = poolFreeBlocks(m);
  if (need > free.length) {
    return fail(
      'ENOMEM',
      `memory beyond the pool: ${input.memMiB} MiB asked, ${free.length * BLOCK_MIB} MiB free`,
    );
  }
  const devices = input.devices ?? [];
  if (devices.length > 0 && m.version !== 'github')
    return fail('EOPNOTSUPP', 'v1 and v2 have no device assignment');
  for (const pci of devices) {
    const d = m.devices.find((x) => x.pci === pci);
    if (!d) return fail('ENOENT', `No such device: ${pci}`);
    if (d.owner !== HOST) return fail('EBUSY', `device ${pci} is already lent`);
  }
  const ways = input.llcWays ?? 0;
  const used = [...m.instances.values()].reduce((s, i) => s + i.llcWays, 0);
  if (!Number.isInteger(ways) || ways < 0 || used + ways > m.config.llcWays - 1) {
    return fail('EBUSY', `llc-way-mask: ${ways} ways asked, ${m.config.llcWays - 1 - used} free`);
  }

  const inst = newInstance(m, id, input.name, null);
  inst.llcWays = ways;
  inst.cpus = [...input.cpus];
  inst.reservedOnly = m.version === 'v1';
  const hostInst = host(m);
  for (const cid of input.cpus) {
    const c = m.cpus[cid] as Cpu;
    if (m.version === 'v1') continue; // v1 only names the CPU; exec takes it (facts §1.5)
    if (c.owner === HOST) {
      // v2: the DTB upload hot-unplugs the listed CPUs from the host.
      const held = stopCpu(c, 'offline');
      evacuateCpu(m, hostInst, c, held);
      hostInst.cpus = hostInst.cpus.filter((x) => x !== cid);
    }
    c.owner = id;
    c.state = restState(m);
  }
  inst.memBlocks = carve(free, need);
  for (const b of inst.memBlocks) m.blocks[b] = id;
  m.instances.set(id, inst);
  for (const pci of devices) lendDevice(m, pci, inst);
  klog(
    m,
    hostInst,
    `multikernel: instance ${id} (${inst.name}) created: cpus ${inst.cpus.join(',')}, ${need * BLOCK_MIB} MiB`,
  );
  rec(m, hostInst, 'observe', id, 0);
  happen(m, 'instance.state', id, { state: 'ready' });
  return { ok: true, id };
}

function lowestFreeId(m: Machine): number {
  for (let id = 1; id <= MAX_INSTANCE_ID; id++) if (!m.instances.has(id)) return id;
  return MAX_INSTANCE_ID + 1;
}

function checkCpus(m: Machine, cpus: readonly number[]): SimError | null {
  if (cpus.length === 0) return fail('EINVAL', 'an instance needs at least one CPU');
  if (new Set(cpus).size !== cpus.length) return fail('EINVAL', 'a CPU is listed twice');
  if (m.version === 'v1' && cpus.length !== 1)
    return fail('EINVAL', 'v1 starts a kernel on exactly one CPU');
  const hostOnline = m.cpus.filter((c) => c.owner === HOST && c.state === 'online').length;
  let takenOnline = 0;
  for (const cid of cpus) {
    const c = m.cpus[cid];
    if (!Number.isInteger(cid) || !c) return fail('EINVAL', `No such CPU: ${cid}`);
    const other = [...m.instances.values()].find((i) => i.id !== HOST && i.cpus.includes(cid));
    if (other)
      return fail('EBUSY', `CPU ${cid} is already owned by instance ${other.id} (${other.name})`);
    if (m.version === 'github' && c.owner !== POOL) {
      return fail('EBUSY', `CPU ${cid} is not in the multikernel pool`);
    }
    if (m.version === 'v2' && c.owner !== HOST)
      return fail('EBUSY', `CPU ${cid} is not the host's`);
    if (m.version === 'v2' && c.state === 'online') takenOnline++;
  }
  if (takenOnline > 0 && takenOnline >= hostOnline)
    return fail('EBUSY', 'the host must keep one online CPU');
  return null;
}

/** First fit for a contiguous run, else the lowest free blocks (gen_pool falls back to chunks). */
function carve(free: number[], need: number): number[] {
  for (let i = 0; i + need <= free.length; i++) {
    if ((free[i + need - 1] as number) - (free[i] as number) === need - 1)
      return free.slice(i, i + need);
  }
  return free.slice(0, need);
}

export function load(m: Machine, name: string, image: KernelImage | undefined): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if (inst.state !== 'ready' || inst.pending)
    return fail('EBUSY', `instance ${name} is ${describe(inst)}, not ready`);
  inst.image = image ?? DEFAULT_IMAGE;
  inst.pending = { op: 'load', token: nextToken(m) };
  schedule(m, m.now + K.imageCopy, EV.loadDone, inst.id, inst.pending.token, 0);
  return OK;
}

export function onLoadDone(m: Machine, id: number, token: number): boolean {
  const inst = m.instances.get(id);
  if (!inst || inst.pending?.op !== 'load' || inst.pending.token !== token) return false;
  inst.pending = null;
  setState(m, inst, 'loaded');
  klog(
    m,
    host(m),
    `kexec: multikernel image ${inst.image?.name ?? ''} loaded for instance ${id} (${inst.name})`,
  );
  return true;
}

export function exec(m: Machine, name: string): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if (inst.state !== 'loaded' || inst.pending)
    return fail('EBUSY', `instance ${name} is ${describe(inst)}, not loaded`);
  const boot = m.cpus[inst.cpus[0] as number] as Cpu;
  if (m.version === 'v1') {
    // multikernel_kexec(cpu) returns -EBUSY while that CPU is online (v1 patch 1).
    if (boot.owner !== inst.id && boot.state === 'online')
      return fail('EBUSY', `CPU ${boot.id} is online`);
    if (boot.owner !== HOST && boot.owner !== inst.id)
      return fail('EBUSY', `CPU ${boot.id} is in use`);
    const hostInst = host(m);
    hostInst.cpus = hostInst.cpus.filter((x) => x !== boot.id);
    boot.owner = inst.id;
    inst.reservedOnly = false;
  }
  // Drawn only once every check has passed: a refused exec leaves the machine as it was.
  const token = nextToken(m);
  inst.pending = { op: 'exec', token, since: m.now, claimed: false };
  if (m.version === 'github') {
    // The host fills a spawn context and publishes a wakeup in the CPU's mailbox (spawn.c).
    if (!boot.claimBroken)
      schedule(m, m.now + K.claimLatency, EV.mailboxClaim, inst.id, boot.id, token);
    schedule(m, m.now + K.mailboxPoll, EV.mailboxPoll, inst.id, 0, token);
    klog(
      m,
      host(m),
      `multikernel: waking CPU ${boot.id} from the pool for instance ${inst.id} (${inst.name})`,
    );
  } else {
    schedule(m, m.now + K.initSipiDelay + K.trampoline, EV.initSipi, inst.id, boot.id, token);
    klog(
      m,
      host(m),
      `multikernel: sending INIT/SIPI to CPU ${boot.id} for instance ${inst.id} (${inst.name})`,
    );
  }
  return OK;
}

function execPending(m: Machine, id: number, token: number): Instance | null {
  const inst = m.instances.get(id);
  return inst && inst.pending?.op === 'exec' && inst.pending.token === token ? inst : null;
}

/** The CPU took the mailbox (GitHub) or came out of the trampoline (v1/v2): the kernel boots. */
export function onCpuStarts(m: Machine, id: number, cpuId: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst || inst.pending?.op !== 'exec') return false;
  inst.pending.claimed = true;
  const cpu = m.cpus[cpuId] as Cpu;
  cpu.state = 'booting';
  happen(m, 'mailbox.claim', id, { cpu: cpuId });
  schedule(m, m.now + K.spawnBoot, EV.bootDone, id, 0, token);
  return true;
}

export function onMailboxPoll(m: Machine, id: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst || inst.pending?.op !== 'exec') return false;
  if (inst.pending.claimed) return true; // the host saw the claim: polling stops
  if (m.now - inst.pending.since >= K.claimTimeout) {
    inst.pending = null;
    setState(m, inst, 'failed');
    klog(
      m,
      host(m),
      `multikernel: CPU ${inst.cpus[0]} did not claim the spawn mailbox in 1s, instance ${id} (${inst.name}) failed`,
    );
    return true;
  }
  schedule(m, m.now + K.mailboxPoll, EV.mailboxPoll, id, 0, token);
  return true;
}

export function onBootDone(m: Machine, id: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst) return false;
  const boot = m.cpus[inst.cpus[0] as number] as Cpu;
  boot.state = 'online';
  klog(
    m,
    inst,
    `Linux version ${inst.image?.version ?? ''} (multikernel instance ${id}) booting on CPU ${boot.id}`,
  );
  nextSecondary(m, inst, 1, token);
  return true;
}

function nextSecondary(m: Machine, inst: Instance, index: number, token: number): void {
  if (index < inst.cpus.length) {
    schedule(m, m.now + K.apBringup, EV.secondaryUp, inst.id, index, token);
  } else {
    activate(m, inst);
  }
}

export function onSecondaryUp(m: Machine, id: number, index: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst) return false;
  const cpu = m.cpus[inst.cpus[index] as number] as Cpu;
  if (cpu.owner !== inst.id) {
    const hostInst = host(m);
    hostInst.cpus = hostInst.cpus.filter((x) => x !== cpu.id);
    cpu.owner = inst.id;
  }
  cpu.state = 'online';
  klog(m, inst, `smp: CPU ${cpu.id} up via multikernel_secondary_startup`);
  nextSecondary(m, inst, index + 1, token);
  return true;
}

function activate(m: Machine, inst: Instance): void {
  inst.pending = null;
  inst.bootedAt = m.now;
  setState(m, inst, 'active');
  klog(
    m,
    host(m),
    `multikernel: instance ${inst.id} (${inst.name}) is active on CPUs ${inst.cpus.join(',')}`,
  );
  startKernelWork(m, inst);
}

export function setState(m: Machine, inst: Instance, state: Instance['state']): void {
  inst.state = state;
  rec(m, inst, 'life', LIFE[state], 0);
  if (inst.id !== HOST) rec(m, host(m), 'observe', inst.id, inst.epoch);
  happen(m, 'instance.state', inst.id, { state });
}

export function describe(inst: Instance): string {
  if (inst.pending) return `${inst.state} (${inst.pending.op} in progress)`;
  return inst.state;
}

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
  rec(m, hostInst, 'observe', inst.id, OBSERVE.deleted);
  happen(m, 'instance.deleted', inst.id, { name: inst.name });
  return OK;
}
