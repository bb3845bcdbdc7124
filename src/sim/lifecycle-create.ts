import { K } from './constants';
import { stopCpu } from './cpu';
import { fail, OK } from './errors';
import { EV } from './events';
import { describe, isErr, restState, setState, spawnByName } from './lifecycle';
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
import { evacuateCpu } from './workloads';
import { lendDevice } from './resources';
import { BLOCK_MIB } from './time';
import { rec, TRACE } from './trace';
import { NAME_RE } from '../contract';
import {
  HOST,
  MAX_INSTANCE_ID,
  POOL,
  type ApplyResult,
  type Cpu,
  type Input,
  type KernelImage,
  type Machine,
  type SimError,
} from './types';

// create and load: an instance's resources carved out of the pool, then its kernel image copied.

export const DEFAULT_IMAGE: KernelImage = {
  name: 'vmlinuz-mk',
  version: '6.18.0-mk',
  kind: 'general',
};

type CreateInput = Extract<Input, { type: 'instance.create' }>;

/**
 * Everything create checks, without changing the machine: the blocks it would carve, or why
 * not (kerf create --dry-run asks this).
 */
export function checkCreate(m: Machine, input: CreateInput): { blocks: number[] } | SimError {
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
  if (input.memBlock === undefined) return { blocks: carve(free, need) };
  const blocks = placed(free, input.memBlock, need);
  if (!blocks) {
    return fail(
      'EBUSY',
      `blocks ${input.memBlock}–${input.memBlock + need - 1} are not all free in the pool`,
    );
  }
  return { blocks };
}

/** The `need` blocks from `start` when all are free pool blocks (kerf create --memory-base). */
function placed(free: readonly number[], start: number, need: number): number[] | null {
  const run = Array.from({ length: need }, (_, k) => start + k);
  const set = new Set(free);
  return run.every((b) => set.has(b)) ? run : null;
}

export function create(m: Machine, input: CreateInput): ApplyResult {
  const checked = checkCreate(m, input);
  if ('code' in checked) return checked;
  const id = input.id ?? lowestFreeId(m);
  const need = checked.blocks.length;
  const devices = input.devices ?? [];
  const ways = input.llcWays ?? 0;
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
  inst.memBlocks = checked.blocks;
  for (const b of inst.memBlocks) m.blocks[b] = id;
  m.instances.set(id, inst);
  for (const pci of devices) lendDevice(m, pci, inst);
  klog(
    m,
    hostInst,
    `multikernel: instance ${id} (${inst.name}) created: cpus ${inst.cpus.join(',')}, ${need * BLOCK_MIB} MiB`,
  );
  rec(m, hostInst, TRACE.observe, id, 0);
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
