import { note, say, warn, type Ctx } from './ctx';
import { CHECK_INSTANCES, USAGE, extraArgs, target } from './kerf-cli';
import { consoleLog } from './kernel-commands';
import { instanceDts, rootDts } from './device-tree';
import { kerfShow } from './kerf-show';
import { spawnNamed, spawns } from './model';
import { has, str, type ParsedOpts } from './opts';

// kerf show, dump and console: the verbs that only read.

export function show(ctx: Ctx, p: ParsedOpts): number {
  const name = p.args[0] ?? null;
  if (name !== null && !spawnNamed(ctx.m, name)) {
    warn(ctx, `Error: Instance '${name}' not found`, CHECK_INSTANCES);
    return 1;
  }
  const extra = extraArgs(ctx, p, USAGE.show, 'kerf show', 1);
  if (extra) return extra;
  say(ctx, ...kerfShow(ctx.m, name));
  return 0;
}

export function dump(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const extra = extraArgs(ctx, p, USAGE.dump, 'kerf dump', 1);
  if (extra) return extra;
  if (m.version === 'v1' || m.config.monolithic) {
    warn(ctx, 'Error: /sys/fs/multikernel is not mounted; is the multikernel kernel running?');
    return 1;
  }
  const name = p.args[0];
  const inst = name === undefined ? null : spawnNamed(m, name);
  if (name !== undefined && !inst) {
    const known = spawns(m).map((i) => i.name);
    warn(
      ctx,
      `Error: Instance '${name}' not found.${known.length ? ` Known instances: ${known.join(', ')}` : ' No instances exist.'}`,
    );
    return 1;
  }
  if (!inst && m.version === 'v2') {
    warn(
      ctx,
      "Error: Failed to read /sys/fs/multikernel/device_tree: [Errno 13] Permission denied: '/sys/fs/multikernel/device_tree'",
    );
    return 1;
  }
  const out = str(p, '--output');
  if (out !== undefined) {
    warn(ctx, `Error: [Errno 30] Read-only file system: '${out}'`);
    return 1;
  }
  if (!has(p, '--dts')) {
    warn(
      ctx,
      'Error: Refusing to write a binary DTB to the terminal; use -o FILE or redirect stdout.',
    );
    return 1;
  }
  say(ctx, ...(inst ? instanceDts(m, inst) : rootDts(m)));
  return 0;
}

export function consoleVerb(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'console');
  if ('code' in t) return t.code;
  note(ctx, 'shell.kerf.console', { name: t.inst.name });
  say(ctx, ...consoleLog(t.inst));
  return 0;
}
