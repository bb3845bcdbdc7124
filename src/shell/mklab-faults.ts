import { dev, int, type Sub } from './mklab-sub';
import { has, str } from './opts';

// mklab's fault injections: what a misbehaving kernel or device does to the others.

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
/** The fault subcommands, in the order help and completion list them. */
export const FAULT_SUBS: Readonly<Record<string, Sub>> = {
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
};
