import { PROPOSAL_VERSIONS, type Input, type MsgCategory, type WorkloadKind } from '../sim';
import { act, isErr, note, warn, type Ctx } from './ctx';
import { findDevice } from './model';
import { parseOpts, str, has, type OptSpec, type ParsedOpts } from './opts';
import { closest } from './text';

// `mklab`: the lab's own tool, NOT part of the proposal. It reaches every machine input the
// proposal's commands do not: faults, the pool and CPU moves by hand, device lending, the IOMMU,
// the proposal version, raw messages and workloads.

type Built = { readonly input: Input } | { readonly usage: true } | { readonly error: string };

interface Sub {
  readonly usage: string;
  readonly opts: readonly OptSpec[];
  readonly args: number;
  readonly build: (ctx: Ctx, a: readonly string[], p: ParsedOpts) => Built;
  /** The message key and params of the lab's confirmation. */
  readonly done: (
    ctx: Ctx,
    input: Input,
    id: number | undefined,
  ) => [string, Record<string, string | number>];
}

const int = (s: string | undefined): number | null =>
  s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : null;

/** "1G", "1GB", "512M", "512MiB", or a plain number of MiB. */
export function parseMiB(s: string): number | null {
  const m = /^\s*(\d+)\s*([kmgt]?)(i?b)?\s*$/i.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const mib =
    unit === 'k'
      ? Math.ceil(n / 1024)
      : unit === 'g'
        ? n * 1024
        : unit === 't'
          ? n * 1024 * 1024
          : n;
  return Number.isSafeInteger(mib) ? mib : null;
}

const dev = (ctx: Ctx, ref: string) => findDevice(ctx.m, ref)?.pci ?? ref;
const fault = (
  kind: 'panic' | 'lockup',
): Pick<Sub, 'usage' | 'opts' | 'args' | 'build' | 'done'> => ({
  usage: `mklab ${kind} NAME`,
  opts: [],
  args: 1,
  build: (_c, [target]) => ({ input: { type: 'fault', kind, target: target as string } }),
  done: (_c, i) => [`shell.mklab.${kind}`, { name: (i as { target: string }).target }],
});
const machineWide = (op: 'wbinvd' | 'split-lock'): Sub => ({
  usage: `mklab ${op} NAME`,
  opts: [],
  args: 1,
  build: (_c, [from]) => ({
    input: { type: 'fault', kind: 'machine-wide', from: from as string, op },
  }),
  done: () => ['shell.mklab.machineWide', { op }],
});

const KINDS: readonly WorkloadKind[] = ['server', 'cpu', 'noisy', 'io', 'rt', 'service'];
const CATEGORIES: readonly MsgCategory[] = ['IO', 'RESOURCE', 'SYSTEM', 'USER', 'NETWORK'];

export const MKLAB_SUBS: Readonly<Record<string, Sub>> = {
  panic: fault('panic'),
  lockup: fault('lockup'),
  scribble: {
    usage: 'mklab scribble FROM TO [--offset=MIB] [--bytes=N]',
    opts: [
      { long: '--offset', int: true },
      { long: '--bytes', int: true },
    ],
    args: 2,
    build: (_c, [from, target], p) => {
      const offset = str(p, '--offset');
      const bytes = str(p, '--bytes');
      return {
        input: {
          type: 'fault',
          kind: 'scribble',
          from: from as string,
          target: target as string,
          ...(offset !== undefined ? { offsetMiB: Number(offset) } : {}),
          ...(bytes !== undefined ? { bytes: Number(bytes) } : {}),
        },
      };
    },
    done: (_c, i) => [
      'shell.mklab.scribble',
      { from: (i as { from: string }).from, to: (i as { target: string }).target },
    ],
  },
  flood: {
    usage: 'mklab flood FROM TO [--count=N] [--interval=NS] [--raw]',
    opts: [
      { long: '--count', int: true },
      { long: '--interval', int: true },
      { long: '--raw', flag: true },
    ],
    args: 2,
    build: (_c, [from, target], p) => {
      const count = str(p, '--count');
      const interval = str(p, '--interval');
      return {
        input: {
          type: 'fault',
          kind: 'ipi-flood',
          from: from as string,
          target: target as string,
          ...(count !== undefined ? { count: Number(count) } : {}),
          ...(interval !== undefined ? { intervalNs: Number(interval) } : {}),
          ...(has(p, '--raw') ? { raw: true } : {}),
        },
      };
    },
    done: (_c, i) => {
      const f = i as { from: string; target: string; count?: number };
      return ['shell.mklab.flood', { from: f.from, to: f.target, count: f.count ?? 128 }];
    },
  },
  dma: {
    usage: 'mklab dma DEVICE TO [--bytes=N]',
    opts: [{ long: '--bytes', int: true }],
    args: 2,
    build: (ctx, [device, target], p) => {
      const bytes = str(p, '--bytes');
      return {
        input: {
          type: 'fault',
          kind: 'dma',
          device: dev(ctx, device as string),
          target: target as string,
          ...(bytes !== undefined ? { bytes: Number(bytes) } : {}),
        },
      };
    },
    done: (_c, i) => {
      const f = i as { device: string; target: string };
      return ['shell.mklab.dma', { dev: f.device, to: f.target }];
    },
  },
  wbinvd: machineWide('wbinvd'),
  'split-lock': machineWide('split-lock'),
  'claim-miss': {
    usage: 'mklab claim-miss CPU',
    opts: [],
    args: 1,
    build: (_c, [cpu]) => {
      const n = int(cpu);
      return n === null
        ? { usage: true }
        : { input: { type: 'fault', kind: 'claim-miss', cpu: n } };
    },
    done: (_c, i) => ['shell.mklab.claimMiss', { cpu: (i as { cpu: number }).cpu }],
  },
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

const GROUPS = ['pool', 'cpu', 'workload'];
export const MKLAB_WORDS = [
  ...new Set(Object.keys(MKLAB_SUBS).map((k) => k.split(' ')[0] as string)),
];

export function mklab(ctx: Ctx, argv: readonly string[]): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    note(ctx, 'shell.help.mklab');
    return 0;
  }
  let name = first;
  let args = rest;
  if (GROUPS.includes(first)) {
    name = `${first} ${rest[0] ?? ''}`;
    args = rest.slice(1);
  }
  const sub = Object.hasOwn(MKLAB_SUBS, name) ? MKLAB_SUBS[name] : undefined;
  if (!sub) {
    warn(ctx, `mklab: unknown command '${name.trim()}'`);
    const options = Object.keys(MKLAB_SUBS);
    const near = closest(name.trim(), options) ?? closest(first, MKLAB_WORDS);
    if (near) note(ctx, 'shell.didYouMean', { cmd: `mklab ${near}` }, true);
    return 2;
  }
  const p = parseOpts(args, sub.opts);
  if ('error' in p) {
    warn(ctx, `mklab: ${name}: ${p.error}`, `usage: ${sub.usage}`);
    return 2;
  }
  if (p.help) {
    warn(ctx, `usage: ${sub.usage}`);
    return 0;
  }
  if (p.args.length !== sub.args) {
    warn(ctx, `usage: ${sub.usage}`);
    return 2;
  }
  const built = sub.build(ctx, p.args, p);
  if ('usage' in built) {
    warn(ctx, `usage: ${sub.usage}`);
    return 2;
  }
  if ('error' in built) {
    warn(ctx, `mklab: ${name}: ${built.error}`);
    return 1;
  }
  const blockedBefore = ctx.m.counters.dmaBlocked;
  const r = act(ctx, built.input);
  if (isErr(r)) {
    warn(ctx, `mklab: ${name}: ${r.message} (-${r.code})`);
    return 1;
  }
  if (
    built.input.type === 'fault' &&
    built.input.kind === 'dma' &&
    ctx.m.counters.dmaBlocked > blockedBefore
  ) {
    note(ctx, 'shell.mklab.dmaBlocked', { dev: built.input.device, to: built.input.target });
    return 0;
  }
  const [key, params] = sub.done(ctx, built.input, r.id);
  note(ctx, key, params);
  return 0;
}
