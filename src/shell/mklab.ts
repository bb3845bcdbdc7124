import { act, isErr, note, warn, type Ctx } from './ctx';
import { CONTROL_SUBS } from './mklab-controls';
import { FAULT_SUBS } from './mklab-faults';
import type { Sub } from './mklab-sub';
import { parseOpts } from './opts';
import { closest } from './text';

// `mklab`: the lab's own tool, NOT part of the proposal. It reaches every machine input the
// proposal's commands do not: faults, the pool and CPU moves by hand, device lending, the IOMMU,
// the proposal version, raw messages and workloads.

// Faults first, as before the split: completion and did-you-mean walk the keys in this order.
export const MKLAB_SUBS: Readonly<Record<string, Sub>> = { ...FAULT_SUBS, ...CONTROL_SUBS };

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
