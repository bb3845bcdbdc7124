import { fail } from './errors';
import { FAULT_KINDS, PROPOSAL_VERSIONS, type Input, type SimError } from './types';

/**
 * Inputs arrive from the UI, the shell, links and files: check their shape before anything
 * touches the machine, and name the field that is wrong.
 */
type Field =
  'str' | 'int' | 'bool' | 'ints' | 'strs' | 'image' | 'version' | 'category' | 'wlkind' | 'op';
type Spec = Record<string, Field | `${Field}?`>;

const SPECS: Record<string, Spec> = {
  'instance.create': {
    name: 'str',
    cpus: 'ints',
    memMiB: 'int',
    devices: 'strs?',
    id: 'int?',
    llcWays: 'int?',
  },
  'instance.load': { name: 'str', image: 'image?' },
  'instance.exec': { name: 'str' },
  'instance.kill': { name: 'str', force: 'bool?' },
  'instance.unload': { name: 'str' },
  'instance.delete': { name: 'str' },
  'instance.memAdd': { name: 'str', memMiB: 'int' },
  'cpu.hotplug': { cpu: 'int', online: 'bool' },
  'cpu.toPool': { cpu: 'int' },
  'cpu.fromPool': { cpu: 'int' },
  'pool.grow': { memMiB: 'int', numa: 'int?' },
  'pool.rollback': { tx: 'int' },
  'device.lend': { pci: 'str', name: 'str' },
  'device.return': { pci: 'str' },
  'iommu.set': { on: 'bool' },
  'version.set': { version: 'version' },
  'msg.send': { from: 'str', to: 'str', category: 'category', subtype: 'str?', bytes: 'int?' },
  'workload.start': {
    name: 'str',
    kernel: 'str',
    kind: 'wlkind',
    load: 'int?',
    backend: 'str?',
    device: 'str?',
    threads: 'int?',
  },
  'workload.stop': { name: 'str' },
  'workload.load': { name: 'str', load: 'int' },
  'service.redirect': { name: 'str', backend: 'str' },
};

const FAULT_SPECS: Record<string, Spec> = {
  panic: { target: 'str' },
  lockup: { target: 'str' },
  scribble: { from: 'str', target: 'str', offsetMiB: 'int?', bytes: 'int?' },
  dma: { device: 'str', target: 'str', bytes: 'int?' },
  'ipi-flood': { from: 'str', target: 'str', count: 'int?', intervalNs: 'int?', raw: 'bool?' },
  'machine-wide': { from: 'str', op: 'op?' },
  'claim-miss': { cpu: 'int' },
};

const ENUMS: Partial<Record<Field, readonly string[]>> = {
  version: PROPOSAL_VERSIONS,
  category: ['IO', 'RESOURCE', 'SYSTEM', 'USER', 'NETWORK'],
  wlkind: ['server', 'cpu', 'noisy', 'io', 'rt', 'service'],
  op: ['wbinvd', 'split-lock'],
};

function fits(field: Field, v: unknown): boolean {
  switch (field) {
    case 'str':
      return typeof v === 'string' && v.length > 0 && v.length <= 64;
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'bool':
      return typeof v === 'boolean';
    case 'ints':
      return (
        Array.isArray(v) &&
        v.length <= 4096 &&
        v.every((x) => typeof x === 'number' && Number.isSafeInteger(x))
      );
    case 'strs':
      return Array.isArray(v) && v.length <= 64 && v.every((x) => typeof x === 'string');
    case 'image': {
      if (typeof v !== 'object' || v === null) return false;
      const o = v as Record<string, unknown>;
      return (
        typeof o.name === 'string' &&
        typeof o.version === 'string' &&
        (o.kind === 'general' || o.kind === 'realtime' || o.kind === 'minimal')
      );
    }
    default:
      return typeof v === 'string' && (ENUMS[field] ?? []).includes(v);
  }
}

function check(o: Record<string, unknown>, spec: Spec, where: string): SimError | null {
  for (const [key, t] of Object.entries(spec)) {
    const optional = t.endsWith('?');
    const field = (optional ? t.slice(0, -1) : t) as Field;
    const v = o[key];
    if (v === undefined) {
      if (!optional) return fail('EINVAL', `${where}: missing field "${key}"`);
      continue;
    }
    if (!fits(field, v)) return fail('EINVAL', `${where}: field "${key}" is not a valid ${field}`);
  }
  const extra = Object.keys(o).find((k) => k !== 'type' && k !== 'kind' && !(k in spec));
  if (extra) return fail('EINVAL', `${where}: unknown field "${extra}"`);
  return null;
}

export function validateInput(x: unknown): Input | SimError {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    return fail('EINVAL', 'an input must be an object');
  const o = x as Record<string, unknown>;
  if (typeof o.type !== 'string') return fail('EINVAL', 'an input needs a "type"');
  if (o.type === 'fault') {
    const kind = o.kind;
    if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
      return fail('EINVAL', `fault: unknown kind "${String(kind)}"`);
    }
    return check(o, FAULT_SPECS[kind] as Spec, `fault ${kind}`) ?? (o as Input);
  }
  const spec = SPECS[o.type];
  if (!spec) return fail('EINVAL', `unknown input type "${o.type}"`);
  if ('kind' in o && o.type !== 'workload.start')
    return fail('EINVAL', `${o.type}: unknown field "kind"`);
  return check(o, spec, o.type) ?? (o as Input);
}
