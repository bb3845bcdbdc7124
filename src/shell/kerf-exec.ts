import { note, warn, type Ctx } from './ctx';
import { usageError } from './kerf-cli';
import { spawnNamed, spawns, statusOf } from './model';

// kerf 0.3.0's `exec`: run a command inside a running instance (kerf-init answers on vsock).
// Option parsing stops at NAME (click's allow_interspersed_args=False), so the command keeps its
// own dashes. The lab's kernels run no kerf-init: an active instance answers as kerf does when
// nothing listens, and a lab note says so.

const FLAGS = new Set(['-i', '--interactive', '-t', '--tty']);
const VALUED = new Set(['-e', '--env', '-w', '--workdir', '-u', '--user', '--id']);
const SHORT_FLAGS = /^-[it]+$/;
const EXEC_USAGE = 'usage: kerf exec [OPTIONS] NAME|--id N [--] COMMAND [ARG]...';

export function execVerb(ctx: Ctx, argv: readonly string[]): number {
  let i = 0;
  let id: string | undefined;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('-') || a === '--') break;
    if (a === '--help') {
      note(ctx, 'shell.help.kerf.exec');
      return 0;
    }
    const [flag, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    if (FLAGS.has(flag as string) || SHORT_FLAGS.test(a)) continue;
    if (!VALUED.has(flag as string)) {
      return usageError(
        ctx,
        'kerf exec [OPTIONS] [ARGS]...',
        'kerf exec',
        `No such option: ${flag}`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined) {
      return usageError(
        ctx,
        'kerf exec [OPTIONS] [ARGS]...',
        'kerf exec',
        `Option '${flag}' requires an argument.`,
      );
    }
    if (flag === '--id') {
      if (!/^-?\d+$/.test(value)) {
        return usageError(
          ctx,
          'kerf exec [OPTIONS] [ARGS]...',
          'kerf exec',
          `Invalid value for '--id': '${value}' is not a valid integer.`,
        );
      }
      id = value;
    }
  }
  const rest = argv.slice(i);
  const name = id === undefined ? rest.shift() : undefined;
  if (rest[0] === '--') rest.shift();
  if ((id === undefined && name === undefined) || rest.length === 0) {
    return usageError(ctx, 'kerf exec [OPTIONS] [ARGS]...', 'kerf exec', EXEC_USAGE);
  }
  const inst =
    id === undefined
      ? spawnNamed(ctx.m, name as string)
      : spawns(ctx.m).find((x) => x.id === Number(id));
  if (!inst) {
    warn(
      ctx,
      id === undefined
        ? `Error: Instance '${name}' not found`
        : `Error: Instance with ID ${id} not found`,
    );
    return 1;
  }
  if (inst.state !== 'active') {
    const status = statusOf(ctx.m, inst);
    warn(
      ctx,
      `Error: Instance '${inst.name}' is not active (status: '${status}'). Start it with: kerf start ${inst.name}`,
    );
    return 1;
  }
  warn(
    ctx,
    `Error: instance '${inst.name}' is not running kerf-init, or it has not finished booting`,
  );
  note(ctx, 'shell.kerf.execNotModelled', { name: inst.name }, true);
  return 1;
}
