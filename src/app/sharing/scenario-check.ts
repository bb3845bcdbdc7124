import {
  HOST,
  POOL,
  PROPOSAL_VERSIONS,
  type DeviceKind,
  type Input,
  type MachineConfig,
  type ProposalVersion,
  type Scenario,
} from '../../contract';
import {
  arr,
  at,
  bad,
  bool,
  fields,
  int,
  item,
  machineInput,
  obj,
  oneOf,
  shown,
  str,
} from './check';

/**
 * A scenario (the sim's `Scenario`: a machine config and the setup inputs applied at t = 0),
 * checked before anything runs it. The config by ranges; the setup by walking it on a small model
 * of the machine (who owns each CPU, memory block count and device; which instances exist and in
 * what state), so a reference to a CPU, device or instance that does not exist, or one that is
 * already taken, is named at the exact field. The model follows src/sim/lifecycle.ts and
 * resources.ts; the worker still tries the scenario on the side before it replaces the machine.
 */

const BLOCK_MIB = 128;
const HOST_MIN_MIB = 1024;
const MAX_INSTANCE_ID = 2047;
const NAME_RE = /^[a-z][a-z0-9_-]{0,31}$/;
const PCI_RE = /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;
export const MAX_CPUS = 256;
export const MAX_MEMORY_MIB = 4 * 1024 * 1024;
export const MAX_SETUP = 2000;
const DEVICE_KINDS: readonly DeviceKind[] = ['nic', 'nvme', 'serial'];

/** The inputs a setup may hold: building the machine, not acting on it. */
export const SETUP_TYPES = [
  'cpu.toPool',
  'cpu.fromPool',
  'cpu.hotplug',
  'pool.grow',
  'iommu.set',
  'instance.create',
  'instance.load',
  'instance.exec',
  'device.lend',
  'workload.start',
] as const;

export function checkConfig(v: unknown, path: string): MachineConfig {
  const o = obj(v, path);
  fields(o, path, [
    'version',
    'cpus',
    'numaNodes',
    'memoryMiB',
    'poolMiB',
    'devices',
    'iommu',
    'llcWays',
    'monolithic',
  ]);
  oneOf(o.version, at(path, 'version'), PROPOSAL_VERSIONS);
  const cpus = int(o.cpus, at(path, 'cpus'), 1, MAX_CPUS);
  const numa = int(o.numaNodes, at(path, 'numaNodes'), 1, Math.min(8, cpus));
  const mem = blocks(o.memoryMiB, at(path, 'memoryMiB'), 2 * HOST_MIN_MIB, MAX_MEMORY_MIB);
  const pool = blocks(o.poolMiB, at(path, 'poolMiB'), 0, mem - HOST_MIN_MIB);
  const devices = arr(o.devices, at(path, 'devices'), 64);
  const seen = new Map<string, number>();
  devices.forEach((d, i) => {
    const p = item(at(path, 'devices'), i);
    const dv = obj(d, p);
    fields(dv, p, ['pci', 'kind', 'numa']);
    const pci = str(dv.pci, at(p, 'pci'), 12);
    if (!PCI_RE.test(pci)) bad(at(p, 'pci'), 'pci', { value: pci });
    const before = seen.get(pci);
    if (before !== undefined)
      bad(at(p, 'pci'), 'duplicate', {
        value: shown(pci),
        other: item(at(path, 'devices'), before),
      });
    seen.set(pci, i);
    oneOf(dv.kind, at(p, 'kind'), DEVICE_KINDS);
    int(dv.numa, at(p, 'numa'), 0, numa - 1);
  });
  bool(o.iommu, at(path, 'iommu'));
  int(o.llcWays, at(path, 'llcWays'), 2, 32);
  const mono = bool(o.monolithic, at(path, 'monolithic'));
  if (mono && pool > 0) bad(at(path, 'poolMiB'), 'monolithic', { value: pool });
  return o as unknown as MachineConfig;
}

function blocks(v: unknown, path: string, min: number, max: number): number {
  const n = int(v, path, min, max);
  if (n % BLOCK_MIB !== 0) bad(path, 'not-multiple', { value: n, step: BLOCK_MIB });
  return n;
}

interface ModelInstance {
  readonly id: number;
  readonly cpus: readonly number[];
  state: 'ready' | 'loaded' | 'active';
}

/** Just enough of the machine to follow references through a setup. */
class Model {
  readonly version: ProposalVersion;
  /** Per CPU: HOST, POOL or an instance id (v1 keeps a named CPU the host's until exec). */
  readonly owner: number[];
  readonly online: boolean[];
  poolFree: number;
  hostBlocks: number;
  readonly devices = new Map<string, number>();
  readonly instances = new Map<string, ModelInstance>();
  readonly ids = new Map<number, string>();
  /** Where each name and id was first given (a duplicate's message points there). */
  readonly workloads = new Map<string, string>();
  readonly defined = new Map<string | number, string>();
  llcUsed = 0;

  constructor(readonly config: MachineConfig) {
    this.version = config.version;
    this.owner = Array.from({ length: config.cpus }, () => HOST);
    this.online = Array.from({ length: config.cpus }, () => true);
    const total = Math.floor(config.memoryMiB / BLOCK_MIB);
    this.poolFree = config.monolithic ? 0 : Math.floor(config.poolMiB / BLOCK_MIB);
    this.hostBlocks = total - this.poolFree;
    for (const d of config.devices) this.devices.set(d.pci, HOST);
  }

  ownerName(o: number): string {
    return o === POOL ? 'pool' : o === HOST ? 'host' : (this.ids.get(o) ?? String(o));
  }

  hostOnline(): number {
    return this.owner.filter((o, i) => o === HOST && this.online[i]).length;
  }

  cpu(v: number, path: string): number {
    if (v < 0 || v >= this.config.cpus)
      bad(path, 'cpu-missing', { cpu: v, cpus: this.config.cpus });
    return v;
  }

  instance(name: string, path: string): ModelInstance {
    if (name === 'host') bad(path, 'host-not-managed');
    const inst = this.instances.get(name);
    if (!inst) bad(path, 'no-instance', { name });
    return inst;
  }

  kernel(name: string, path: string): number {
    if (name === 'host') return HOST;
    const inst = this.instances.get(name);
    if (!inst) bad(path, 'no-instance', { name });
    return inst.id;
  }

  needGithub(path: string, what: string): void {
    if (this.version !== 'github') bad(path, 'needs-github', { what, version: this.version });
  }
}

export function checkScenario(v: unknown, path: string): Scenario {
  const o = obj(v, path);
  fields(o, path, ['config', 'setup']);
  return checkParts(o.config, o.setup, path);
}

/** The config and setup, found at `<path>.config` and `<path>.setup` (a file has them on top). */
export function checkParts(configV: unknown, setupV: unknown, path: string): Scenario {
  const config = checkConfig(configV, at(path, 'config'));
  const setup = arr(setupV, at(path, 'setup'), MAX_SETUP);
  const m = new Model(config);
  setup.forEach((x, i) => setupStep(m, x, item(at(path, 'setup'), i)));
  return { config, setup: setup as readonly Input[] };
}

function setupStep(m: Model, v: unknown, path: string): void {
  const o = obj(v, path);
  oneOf(o.type, at(path, 'type'), SETUP_TYPES);
  machineInput(o, path);
  const i = o as Input;
  switch (i.type) {
    case 'cpu.toPool': {
      m.needGithub(at(path, 'type'), i.type);
      const c = m.cpu(i.cpu, at(path, 'cpu'));
      if (m.owner[c] !== HOST)
        bad(at(path, 'cpu'), 'cpu-owned', { cpu: c, owner: m.ownerName(m.owner[c] as number) });
      if (m.online[c] && m.hostOnline() <= 1) bad(at(path, 'cpu'), 'host-last-cpu');
      m.owner[c] = POOL;
      m.online[c] = false;
      return;
    }
    case 'cpu.fromPool': {
      const c = m.cpu(i.cpu, at(path, 'cpu'));
      if (m.owner[c] !== POOL) bad(at(path, 'cpu'), 'cpu-not-pool', { cpu: c });
      m.owner[c] = HOST;
      m.online[c] = true;
      return;
    }
    case 'cpu.hotplug': {
      const c = m.cpu(i.cpu, at(path, 'cpu'));
      if (m.owner[c] !== HOST)
        bad(at(path, 'cpu'), 'cpu-owned', { cpu: c, owner: m.ownerName(m.owner[c] as number) });
      if (!i.online && m.online[c] && m.hostOnline() <= 1) bad(at(path, 'cpu'), 'host-last-cpu');
      m.online[c] = i.online;
      return;
    }
    case 'pool.grow': {
      m.needGithub(at(path, 'type'), i.type);
      if (m.config.monolithic) bad(at(path, 'type'), 'monolithic', { value: i.type });
      const need = Math.ceil(int(i.memMiB, at(path, 'memMiB'), 1, MAX_MEMORY_MIB) / BLOCK_MIB);
      if ((m.hostBlocks - need) * BLOCK_MIB < HOST_MIN_MIB)
        bad(at(path, 'memMiB'), 'memory-host', { value: i.memMiB, min: HOST_MIN_MIB });
      if (i.numa !== undefined) int(i.numa, at(path, 'numa'), 0, m.config.numaNodes - 1);
      m.hostBlocks -= need;
      m.poolFree += need;
      return;
    }
    case 'iommu.set':
      return;
    case 'instance.create':
      return create(m, i, path);
    case 'instance.load': {
      const inst = m.instance(i.name, at(path, 'name'));
      if (inst.state !== 'ready')
        bad(at(path, 'name'), 'instance-state', {
          name: i.name,
          state: inst.state,
          needed: 'ready',
        });
      inst.state = 'loaded';
      return;
    }
    case 'instance.exec': {
      const inst = m.instance(i.name, at(path, 'name'));
      if (inst.state !== 'loaded')
        bad(at(path, 'name'), 'instance-state', {
          name: i.name,
          state: inst.state,
          needed: 'loaded',
        });
      if (m.version === 'v1') {
        const c = inst.cpus[0] as number;
        if (m.owner[c] === HOST && m.online[c]) bad(at(path, 'name'), 'cpu-online', { cpu: c });
        m.owner[c] = inst.id;
      }
      inst.state = 'active';
      return;
    }
    case 'device.lend': {
      m.needGithub(at(path, 'type'), i.type);
      lendable(m, i.pci, at(path, 'pci'));
      const inst = m.instance(i.name, at(path, 'name'));
      m.devices.set(i.pci, inst.id);
      return;
    }
    case 'workload.start':
      return workload(m, i, path);
    default:
      return;
  }
}

function lendable(m: Model, pci: string, path: string): void {
  const owner = m.devices.get(pci);
  if (owner === undefined)
    bad(path, 'device-missing', { pci, list: [...m.devices.keys()].join(', ') || '—' });
  if (owner !== HOST) bad(path, 'device-lent', { pci, owner: m.ownerName(owner) });
}

function create(m: Model, i: Extract<Input, { type: 'instance.create' }>, path: string): void {
  if (m.config.monolithic) bad(at(path, 'type'), 'monolithic', { value: i.type });
  if (!NAME_RE.test(i.name)) bad(at(path, 'name'), 'invalid-name', { value: i.name });
  if (i.name === 'host' || m.instances.has(i.name)) {
    const other = i.name === 'host' ? 'host' : (m.defined.get(i.name) ?? i.name);
    bad(at(path, 'name'), 'duplicate', { value: shown(i.name), other });
  }
  let id = i.id;
  if (id !== undefined) {
    int(id, at(path, 'id'), 1, MAX_INSTANCE_ID);
    if (m.ids.has(id))
      bad(at(path, 'id'), 'duplicate', { value: id, other: m.defined.get(id) ?? String(id) });
  } else {
    id = 1;
    while (m.ids.has(id)) id++;
  }
  const cpusPath = at(path, 'cpus');
  if (i.cpus.length === 0) bad(cpusPath, 'empty');
  if (m.version === 'v1' && i.cpus.length !== 1) bad(cpusPath, 'v1-one-cpu');
  const taken = new Set<number>();
  let takenOnline = 0;
  i.cpus.forEach((c, j) => {
    const p = item(cpusPath, j);
    m.cpu(c, p);
    if (taken.has(c)) bad(p, 'duplicate', { value: c, other: item(cpusPath, i.cpus.indexOf(c)) });
    taken.add(c);
    const owner = m.owner[c] as number;
    const holder = [...m.instances.entries()].find(([, x]) => x.cpus.includes(c));
    if (holder) bad(p, 'cpu-owned', { cpu: c, owner: holder[0] });
    if (m.version === 'github' && owner !== POOL) bad(p, 'cpu-not-pool', { cpu: c });
    if (m.version === 'v2' && owner !== HOST)
      bad(p, 'cpu-owned', { cpu: c, owner: m.ownerName(owner) });
    if (m.version === 'v2' && m.online[c]) takenOnline++;
  });
  if (takenOnline > 0 && takenOnline >= m.hostOnline()) bad(cpusPath, 'host-last-cpu');
  const need = Math.ceil(int(i.memMiB, at(path, 'memMiB'), 1, MAX_MEMORY_MIB) / BLOCK_MIB);
  if (need > m.poolFree)
    bad(at(path, 'memMiB'), 'memory-pool', { asked: i.memMiB, free: m.poolFree * BLOCK_MIB });
  const devices = i.devices ?? [];
  if (devices.length > 0) m.needGithub(at(path, 'devices'), 'devices');
  devices.forEach((pci, j) => {
    const p = item(at(path, 'devices'), j);
    if (devices.indexOf(pci) !== j)
      bad(p, 'duplicate', {
        value: shown(pci),
        other: item(at(path, 'devices'), devices.indexOf(pci)),
      });
    lendable(m, pci, p);
  });
  const ways = i.llcWays ?? 0;
  int(ways, at(path, 'llcWays'), 0, m.config.llcWays - 1 - m.llcUsed);
  // Commit: the model now holds what the machine would.
  m.llcUsed += ways;
  m.poolFree -= need;
  for (const c of i.cpus) {
    if (m.version === 'v1') continue;
    if (m.owner[c] === HOST) m.online[c] = false;
    m.owner[c] = id;
  }
  for (const pci of devices) m.devices.set(pci, id);
  m.ids.set(id, i.name);
  m.defined.set(i.name, at(path, 'name'));
  m.defined.set(id, i.id !== undefined ? at(path, 'id') : path);
  m.instances.set(i.name, { id, cpus: [...i.cpus], state: 'ready' });
}

function workload(m: Model, i: Extract<Input, { type: 'workload.start' }>, path: string): void {
  const first = m.workloads.get(i.name);
  if (first !== undefined)
    bad(at(path, 'name'), 'duplicate', { value: shown(i.name), other: first });
  const k = m.kernel(i.kernel, at(path, 'kernel'));
  if (i.load !== undefined) int(i.load, at(path, 'load'), 0, 1000);
  if (i.backend !== undefined) {
    m.kernel(i.backend, at(path, 'backend'));
    if (i.kind !== 'server') bad(at(path, 'backend'), 'backend-needs-server', { kind: i.kind });
  }
  if (i.kind === 'io') {
    if (i.device === undefined) bad(at(path, 'device'), 'missing');
    const owner = m.devices.get(i.device);
    if (owner === undefined)
      bad(at(path, 'device'), 'device-missing', {
        pci: i.device,
        list: [...m.devices.keys()].join(', ') || '—',
      });
    if (owner !== k)
      bad(at(path, 'device'), 'device-not-kernels', { pci: i.device, kernel: i.kernel });
  }
  if (i.threads !== undefined) int(i.threads, at(path, 'threads'), 1, 256);
  m.workloads.set(i.name, at(path, 'name'));
}
