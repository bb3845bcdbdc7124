import { note, warn, type Ctx } from './ctx';
import { STRERROR, resolve } from './fs';

/** A command: arguments, standard input when it is piped into, output through `ctx`. */
export type Command = (
  ctx: Ctx,
  args: readonly string[],
  stdin: readonly string[] | null,
) => number;

// What the builtins share: reading a file as cat does, and coreutils' answer to a bad option.

/** Read a file's lines the way cat does, or say why not (prefixing errors with `cmd`). */
export function readFile(ctx: Ctx, cmd: string, path: string): string[] | null {
  const r = resolve(ctx.m, path);
  if ('errno' in r) {
    warn(ctx, `${cmd}: ${path}: ${STRERROR[r.errno]}`);
    return null;
  }
  if (r.node.kind === 'dir') {
    warn(ctx, `${cmd}: ${path}: Is a directory`);
    return null;
  }
  const { read, dts } = r.node;
  if (read === null) {
    warn(ctx, `${cmd}: ${path}: Permission denied`);
    return null;
  }
  if (read === 'binary') {
    if (dts) {
      note(ctx, 'shell.cat.decoded');
      return dts();
    }
    note(ctx, 'shell.cat.binary', { path });
    return [];
  }
  return read();
}

export function badOption(ctx: Ctx, cmd: string, opt: string): number {
  warn(
    ctx,
    `${cmd}: invalid option -- '${opt.replace(/^-+/, '').slice(0, 1)}'`,
    `Try '${cmd} --help' for more information.`,
  );
  return 1;
}
