import { note, say, type Ctx } from './ctx';
import { USAGE, usageError } from './kerf-cli';
import { execVerb } from './kerf-exec';
import { create } from './kerf-create';
import { remove, update } from './kerf-instances';
import { consoleVerb, dump, show } from './kerf-inspect';
import { kill, load, start, unload } from './kerf-kernel';
import { init } from './kerf-pool';
import { parseOpts, type OptSpec, type ParsedOpts } from './opts';
import { closest } from './text';

// kerf, the proposal's user-space tool (github.com/multikernel/kerf), verb by verb. Messages
// are kerf's own (its click commands print them); where the lab departs, docs/shell.md says so.

const V = { long: '--verbose', short: '-v', flag: true } as const;
const ID = { long: '--id', int: true } as const;

interface Verb {
  readonly usage: string;
  readonly opts: readonly OptSpec[];
  readonly run: (ctx: Ctx, p: ParsedOpts) => number;
  /** kerf's options the lab parses but does not model: given one, the verb does nothing. */
  readonly unmodelled?: readonly string[];
  /** A verb that parses its own arguments (exec: options stop at NAME). */
  readonly raw?: (ctx: Ctx, argv: readonly string[]) => number;
}

const DRY_RUN = { long: '--dry-run', flag: true } as const;

/** Every kerf verb the lab knows, with its options (completion and tests read this table). */
export const KERF_VERBS: Readonly<Record<string, Verb>> = {
  init: {
    usage: USAGE.init,
    opts: [
      { long: '--cpus', short: '-c' },
      { long: '--memory', short: '-m' },
      { long: '--devices', short: '-d' },
      { long: '--input', short: '-i' },
      { long: '--teardown', flag: true },
      DRY_RUN,
      { long: '--report', flag: true },
      { long: '--format' },
      V,
    ],
    run: init,
    unmodelled: ['--report'],
  },
  create: {
    usage: USAGE.create,
    opts: [
      ID,
      { long: '--cpus', short: '-c' },
      { long: '--cpu-count', int: true },
      { long: '--memory', short: '-m', required: true },
      { long: '--devices', short: '-d' },
      { long: '--llc-ways', int: true },
      { long: '--cpu-affinity' },
      { long: '--numa-nodes' },
      { long: '--memory-policy' },
      { long: '--memory-base' },
      DRY_RUN,
      V,
    ],
    run: create,
  },
  update: {
    usage: USAGE.update,
    opts: [
      { long: '--cpus', short: '-c' },
      { long: '--memory', short: '-m' },
      { long: '--devices', short: '-d' },
      V,
    ],
    run: update,
  },
  load: {
    usage: USAGE.load,
    opts: [
      { long: '--kernel', short: '-k', required: true },
      { long: '--initrd', short: '-i' },
      { long: '--cmdline', short: '-c' },
      ID,
      V,
    ],
    run: load,
  },
  start: {
    usage: USAGE.start,
    opts: [ID, { long: '--console', flag: true }, V],
    run: start,
  },
  exec: {
    usage: USAGE.exec,
    opts: [
      { long: '--interactive', short: '-i', flag: true },
      { long: '--tty', short: '-t', flag: true },
      { long: '--env', short: '-e' },
      { long: '--workdir', short: '-w' },
      { long: '--user', short: '-u' },
      ID,
    ],
    run: () => 0,
    raw: execVerb,
  },
  kill: {
    usage: USAGE.kill,
    opts: [ID, { long: '--force', short: '-f', flag: true }, V],
    run: kill,
  },
  unload: { usage: USAGE.unload, opts: [ID, V], run: unload },
  delete: { usage: USAGE.delete, opts: [ID, V], run: remove },
  show: { usage: USAGE.show, opts: [V], run: show },
  dump: {
    usage: USAGE.dump,
    opts: [
      { long: '--output', short: '-o' },
      { long: '--dts', flag: true },
    ],
    run: dump,
  },
  console: { usage: USAGE.console, opts: [ID, V], run: consoleVerb },
};
export const KERF_VERB_NAMES = Object.keys(KERF_VERBS);

/** `kerf …`: the group parses its own options, then hands the rest to a verb. */
export function kerf(ctx: Ctx, argv: readonly string[]): number {
  // The group's own --debug (kerf's cli.py) changes nothing the lab shows.
  const [first, ...rest] = argv.filter((a) => a !== '--debug');
  if (first === undefined || first === '--help' || first === '-h') {
    note(ctx, 'shell.help.kerf');
    return 0;
  }
  if (first === '--version') {
    say(ctx, 'kerf, version 0.3.0');
    return 0;
  }
  if (first.startsWith('-')) {
    return usageError(ctx, 'kerf [OPTIONS] COMMAND [ARGS]...', 'kerf', `No such option: ${first}`);
  }
  const verb = Object.hasOwn(KERF_VERBS, first) ? KERF_VERBS[first] : undefined;
  if (!verb) {
    const code = usageError(
      ctx,
      'kerf [OPTIONS] COMMAND [ARGS]...',
      'kerf',
      `No such command '${first}'.`,
    );
    const near = closest(first, KERF_VERB_NAMES);
    if (near) note(ctx, 'shell.didYouMean', { cmd: `kerf ${near}` }, true);
    return code;
  }
  if (verb.raw) return verb.raw(ctx, rest);
  const p = parseOpts(rest, verb.opts);
  if ('error' in p) return usageError(ctx, verb.usage, `kerf ${first}`, p.error);
  if (p.help) {
    note(ctx, `shell.help.kerf.${first}`);
    return 0;
  }
  const flag = verb.unmodelled?.find((f) => p.opts.has(f));
  if (flag) {
    note(ctx, 'shell.kerf.notModelled', { verb: first, flag }, true);
    return 1;
  }
  return verb.run(ctx, p);
}
