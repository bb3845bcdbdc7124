import type { Instance, SimError } from '../sim';
import { note, warn, type Ctx } from './ctx';
import { spawnNamed, spawns } from './model';
import { str, type ParsedOpts } from './opts';

// The click-style plumbing every kerf verb shares: usage lines, usage errors, NAME/--id lookup.
// Usage lines live here rather than only in KERF_VERBS so the verb modules need not import the
// table that imports them.

export const CHECK_INSTANCES = 'Check available instances in /sys/fs/multikernel/instances/';

export const USAGE = {
  init: 'kerf init [OPTIONS]',
  create: 'kerf create [OPTIONS] [NAME]',
  update: 'kerf update [OPTIONS] NAME',
  load: 'kerf load [OPTIONS] [NAME]',
  exec: 'kerf exec [OPTIONS] [ARGS]...',
  start: 'kerf start [OPTIONS] [NAME]',
  kill: 'kerf kill [OPTIONS] [NAME]',
  unload: 'kerf unload [OPTIONS] [NAME]',
  delete: 'kerf delete [OPTIONS] [NAME]',
  show: 'kerf show [OPTIONS] [NAME]',
  dump: 'kerf dump [OPTIONS] [NAME]',
  console: 'kerf console [OPTIONS] [NAME]',
} as const;

export function usageError(ctx: Ctx, usage: string, cmd: string, message: string): number {
  warn(ctx, `Usage: ${usage}`, `Try '${cmd} --help' for help.`, '', `Error: ${message}`);
  return 2;
}

/** The lab's one-line reason from the machine, after the tool's own error (marked as the lab's). */
export function reason(ctx: Ctx, e: SimError): void {
  note(ctx, 'shell.note.reason', { reason: e.message }, true);
}

export type Target = { readonly inst: Instance } | { readonly code: number };

/** NAME or --id, as kerf resolves them (get_instance_id_from_name and friends). */
export function target(ctx: Ctx, p: ParsedOpts, verb: string): Target {
  const name = p.args[0];
  const id = str(p, '--id');
  if (name === undefined && id === undefined) {
    warn(
      ctx,
      'Error: Either instance name or --id must be provided',
      verb === 'load'
        ? 'Usage: kerf load <name> --kernel=<path>  or  kerf load --id=<id> --kernel=<path>'
        : `Usage: kerf ${verb} <name>  or  kerf ${verb} --id=<id>`,
    );
    return { code: 2 };
  }
  if (name !== undefined) {
    const inst = spawnNamed(ctx.m, name);
    if (!inst) {
      warn(ctx, `Error: Instance '${name}' not found`, CHECK_INSTANCES);
      return { code: 1 };
    }
    return { inst };
  }
  const n = Number(id);
  if (n < 1 || n > 511) {
    warn(ctx, `Error: --id must be between 1 and 511 (got ${n})`);
    return { code: 2 };
  }
  const inst = spawns(ctx.m).find((i) => i.id === n);
  if (!inst) {
    warn(ctx, `Error: Instance with ID ${n} not found`, CHECK_INSTANCES);
    return { code: 1 };
  }
  return { inst };
}

export function extraArgs(
  ctx: Ctx,
  p: ParsedOpts,
  usage: string,
  cmd: string,
  keep: number,
): number {
  const extra = p.args.slice(keep);
  if (extra.length === 0) return 0;
  return usageError(
    ctx,
    usage,
    cmd,
    `Got unexpected extra argument${extra.length > 1 ? 's' : ''} (${extra.join(' ')})`,
  );
}
