import { act, isErr, note, say, warn } from './ctx';
import { badOption, readFile, type Command } from './command';
import { HOME, STRERROR, resolve, type ErrName } from './fs';

// cat, ls and rmdir: the coreutils that read or change the file tree (src/shell/fs.ts).

export const cat: Command = (ctx, args, stdin) => {
  const bad = args.find((a) => a.startsWith('-') && a !== '-');
  if (bad) return badOption(ctx, 'cat', bad);
  if (args.length === 0) {
    if (stdin) say(ctx, ...stdin);
    return 0;
  }
  let code = 0;
  for (const path of args) {
    if (path === '-') {
      if (stdin) say(ctx, ...stdin);
      continue;
    }
    const lines = readFile(ctx, 'cat', path);
    if (lines === null) code = 1;
    else say(ctx, ...lines);
  }
  return code;
};

export const ls: Command = (ctx, args) => {
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1);
  const bad = flags.find((f) => !/^-[1alhFA]+$/.test(f));
  if (bad) {
    warn(
      ctx,
      `ls: invalid option -- '${bad.slice(1, 2)}'`,
      "Try 'ls --help' for more information.",
    );
    return 2;
  }
  const onePer = flags.some((f) => /[1l]/.test(f)) || !ctx.tty;
  const paths = args.filter((a) => !(a.startsWith('-') && a.length > 1));
  const targets = paths.length ? paths : [HOME];
  let code = 0;
  const files: string[] = [];
  const dirs: { path: string; names: string[] }[] = [];
  for (const p of targets) {
    const r = resolve(ctx.m, p);
    if ('errno' in r) {
      warn(ctx, `ls: cannot access '${p}': ${STRERROR[r.errno]}`);
      code = 2;
      continue;
    }
    if (r.node.kind === 'file') files.push(p);
    else dirs.push({ path: p, names: [...r.node.entries.keys()].sort() });
  }
  const emit = (names: string[]) => {
    if (names.length === 0) return;
    if (onePer) say(ctx, ...names);
    else say(ctx, names.join('  '));
  };
  emit(files);
  const headers = targets.length > 1;
  dirs.forEach((d, i) => {
    if (headers) {
      if (i > 0 || files.length > 0) say(ctx, '');
      say(ctx, `${d.path}:`);
    }
    emit(d.names);
  });
  return code;
};

export const rmdir: Command = (ctx, args) => {
  if (args.length === 0) {
    warn(ctx, 'rmdir: missing operand', "Try 'rmdir --help' for more information.");
    return 1;
  }
  let code = 0;
  const failed = (path: string, errno: ErrName) => {
    warn(ctx, `rmdir: failed to remove '${path}': ${STRERROR[errno]}`);
    code = 1;
  };
  for (const path of args) {
    const r = resolve(ctx.m, path);
    if ('errno' in r) {
      failed(path, r.errno);
      continue;
    }
    if (r.node.kind !== 'dir') {
      failed(path, 'ENOTDIR');
      continue;
    }
    const outcome = r.parent?.rmdir?.(r.name) ?? { errno: 'EPERM' as const };
    if (outcome === 'ok') continue;
    if ('errno' in outcome) {
      failed(path, outcome.errno);
      continue;
    }
    const res = act(ctx, outcome.input);
    if (isErr(res)) {
      failed(path, res.code);
      note(ctx, 'shell.note.reason', { reason: res.message }, true);
    }
  }
  return code;
};
