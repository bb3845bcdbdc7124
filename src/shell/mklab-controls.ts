import { PROPOSAL_VERSIONS, type MsgCategory, type WorkloadKind } from '../sim';
import { dev, int, parseMiB, type Sub } from './mklab-sub';
import { str } from './opts';

// mklab's hand controls: the pool, CPU moves, device lending, the IOMMU, the proposal version,
// raw messages and workloads.

const KINDS: readonly WorkloadKind[] = ['server', 'cpu', 'noisy', 'io', 'rt', 'service'];
const CATEGORIES: readonly MsgCategory[] = ['IO', 'RESOURCE', 'SYSTEM', 'USER', 'NETWORK'];
/** The control subcommands, in the order help and completion list them. */
export const CONTROL_SUBS: Readonly<Record<string, Sub>> = {
  'pool grow': {
    usage: 'mklab pool grow SIZE [--numa=N]',
    opts: [{ long: '--numa', int: true }],
    args: 1,
    build: (_c, [size], p) => {
      const mib = parseMiB(size as string);
      const numa = str(p, '--numa');
      if (mib === null) return { usage: true };
      return {
        input: {
          type: 'pool.grow',
          memMiB: mib,
          ...(numa !== undefined ? { numa: Number(numa) } : {}),
        },
      };
    },
    done: (_c, i, id) => [
      'shell.mklab.poolGrow',
      { mib: (i as { memMiB: number }).memMiB, tx: id ?? 0 },
    ],
  },
  'pool rollback': {
    usage: 'mklab pool rollback TX',
    opts: [],
    args: 1,
    build: (_c, [tx]) => {
      const n = int((tx as string).replace(/^tx_/, ''));
      return n === null ? { usage: true } : { input: { type: 'pool.rollback', tx: n } };
    },
    done: (_c, i) => ['shell.mklab.poolRollback', { tx: (i as { tx: number }).tx }],
  },
  'cpu pool': {
    usage: 'mklab cpu pool CPU',
    opts: [],
    args: 1,
    build: (_c, [cpu]) => {
      const n = int(cpu);
      return n === null ? { usage: true } : { input: { type: 'cpu.toPool', cpu: n } };
    },
    done: (_c, i) => ['shell.mklab.cpuPool', { cpu: (i as { cpu: number }).cpu }],
  },
  'cpu host': {
    usage: 'mklab cpu host CPU',
    opts: [],
    args: 1,
    build: (_c, [cpu]) => {
      const n = int(cpu);
      return n === null ? { usage: true } : { input: { type: 'cpu.fromPool', cpu: n } };
    },
    done: (_c, i) => ['shell.mklab.cpuHost', { cpu: (i as { cpu: number }).cpu }],
  },
  lend: {
    usage: 'mklab lend DEVICE NAME',
    opts: [],
    args: 2,
    build: (ctx, [device, name]) => ({
      input: { type: 'device.lend', pci: dev(ctx, device as string), name: name as string },
    }),
    done: (_c, i) => {
      const d = i as { pci: string; name: string };
      return ['shell.mklab.lend', { dev: d.pci, name: d.name }];
    },
  },
  return: {
    usage: 'mklab return DEVICE',
    opts: [],
    args: 1,
    build: (ctx, [device]) => ({
      input: { type: 'device.return', pci: dev(ctx, device as string) },
    }),
    done: (_c, i) => ['shell.mklab.return', { dev: (i as { pci: string }).pci }],
  },
  iommu: {
    usage: 'mklab iommu on|off',
    opts: [],
    args: 1,
    build: (_c, [v]) =>
      v === 'on' || v === 'off'
        ? { input: { type: 'iommu.set', on: v === 'on' } }
        : { usage: true },
    done: (_c, i) => [
      (i as { on: boolean }).on ? 'shell.mklab.iommuOn' : 'shell.mklab.iommuOff',
      {},
    ],
  },
  version: {
    usage: 'mklab version v1|v2|github',
    opts: [],
    args: 1,
    build: (_c, [v]) =>
      (PROPOSAL_VERSIONS as readonly string[]).includes(v as string)
        ? { input: { type: 'version.set', version: v as 'v1' | 'v2' | 'github' } }
        : { usage: true },
    done: (_c, i) => ['shell.mklab.version', { version: (i as { version: string }).version }],
  },
  send: {
    usage: 'mklab send FROM TO IO|RESOURCE|SYSTEM|USER|NETWORK [--subtype=S] [--bytes=N]',
    opts: [{ long: '--subtype' }, { long: '--bytes', int: true }],
    args: 3,
    build: (_c, [from, to, category], p) => {
      const cat = (category as string).toUpperCase() as MsgCategory;
      if (!CATEGORIES.includes(cat)) return { usage: true };
      const subtype = str(p, '--subtype');
      const bytes = str(p, '--bytes');
      return {
        input: {
          type: 'msg.send',
          from: from as string,
          to: to as string,
          category: cat,
          ...(subtype !== undefined ? { subtype } : {}),
          ...(bytes !== undefined ? { bytes: Number(bytes) } : {}),
        },
      };
    },
    done: (_c, i, id) => {
      const s = i as { from: string; to: string; category: string };
      return ['shell.mklab.send', { from: s.from, to: s.to, category: s.category, id: id ?? 0 }];
    },
  },
  'workload start': {
    usage:
      'mklab workload start NAME --in=KERNEL --kind=server|cpu|noisy|io|rt|service [--load=PERMILLE] [--backend=KERNEL] [--device=DEVICE] [--threads=N]',
    opts: [
      { long: '--in', required: true },
      { long: '--kind', required: true },
      { long: '--load', int: true },
      { long: '--backend' },
      { long: '--device' },
      { long: '--threads', int: true },
    ],
    args: 1,
    build: (ctx, [name], p) => {
      const kind = str(p, '--kind') as WorkloadKind;
      if (!KINDS.includes(kind)) return { usage: true };
      const load = str(p, '--load');
      const backend = str(p, '--backend');
      const device = str(p, '--device');
      const threads = str(p, '--threads');
      return {
        input: {
          type: 'workload.start',
          name: name as string,
          kernel: str(p, '--in') as string,
          kind,
          ...(load !== undefined ? { load: Number(load) } : {}),
          ...(backend !== undefined ? { backend } : {}),
          ...(device !== undefined ? { device: dev(ctx, device) } : {}),
          ...(threads !== undefined ? { threads: Number(threads) } : {}),
        },
      };
    },
    done: (_c, i) => {
      const w = i as { name: string; kernel: string };
      return ['shell.mklab.wlStart', { name: w.name, kernel: w.kernel }];
    },
  },
  'workload stop': {
    usage: 'mklab workload stop NAME',
    opts: [],
    args: 1,
    build: (_c, [name]) => ({ input: { type: 'workload.stop', name: name as string } }),
    done: (_c, i) => ['shell.mklab.wlStop', { name: (i as { name: string }).name }],
  },
  'workload load': {
    usage: 'mklab workload load NAME PERMILLE',
    opts: [],
    args: 2,
    build: (_c, [name, load]) => {
      const n = int(load);
      return n === null
        ? { usage: true }
        : { input: { type: 'workload.load', name: name as string, load: n } };
    },
    done: (_c, i) => {
      const w = i as { name: string; load: number };
      return ['shell.mklab.wlLoad', { name: w.name, load: w.load }];
    },
  },
  'workload backend': {
    usage: 'mklab workload backend NAME KERNEL',
    opts: [],
    args: 2,
    build: (_c, [name, backend]) => ({
      input: { type: 'service.redirect', name: name as string, backend: backend as string },
    }),
    done: (_c, i) => {
      const w = i as { name: string; backend: string };
      return ['shell.mklab.wlBackend', { name: w.name, backend: w.backend }];
    },
  },
};
