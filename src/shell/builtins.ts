import { act, isErr, note, say, warn, type Ctx } from './ctx';
import { HOME, STRERROR, resolve, type ErrName } from './fs';
import { dmesg, lspci } from './views';

/** A command: arguments, standard input when it is piped into, output through `ctx`. */
export type Command = (
  ctx: Ctx,
  args: readonly string[],
  stdin: readonly string[] | null,
) => number;

/** Read a file's lines the way cat does, or say why not (prefixing errors with `cmd`). */
function readFile(ctx: Ctx, cmd: string, path: string): string[] | null {
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

function badOption(ctx: Ctx, cmd: string, opt: string): number {
  warn(
    ctx,
    `${cmd}: invalid option -- '${opt.replace(/^-+/, '').slice(0, 1)}'`,
    `Try '${cmd} --help' for more information.`,
  );
  return 1;
}

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

export const echo: Command = (ctx, args) => {
  let i = 0;
  while (i < args.length && /^-[neE]+$/.test(args[i] as string)) i++;
  say(ctx, args.slice(i).join(' '));
  return 0;
};

const DMESG_IGNORED = new Set([
  '-T',
  '-k',
  '-x',
  '-H',
  '-L',
  '--ctime',
  '--human',
  '--nopager',
  '--color',
]);

export const dmesgCmd: Command = (ctx, args) => {
  for (const a of args) {
    if (DMESG_IGNORED.has(a)) continue;
    if (/^-[cCD]$|^--(clear|read-clear|console-off)$/.test(a)) {
      note(ctx, 'shell.dmesg.clear', undefined, true);
      return 1;
    }
    return badOption(ctx, 'dmesg', a);
  }
  say(ctx, ...dmesg(ctx.m));
  return 0;
};

export const lspciCmd: Command = (ctx, args) => {
  const flags = args.join('');
  say(ctx, ...lspci(ctx.m, flags.includes('D'), flags.includes('k')));
  return 0;
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

export const help: Command = (ctx, args) => {
  const topic = args[0];
  note(
    ctx,
    topic === 'kerf' ? 'shell.help.kerf' : topic === 'mklab' ? 'shell.help.mklab' : 'shell.help',
  );
  return 0;
};

export const cd: Command = (ctx) => {
  note(ctx, 'shell.cd', undefined, true);
  return 1;
};

export const pwd: Command = (ctx) => {
  say(ctx, HOME);
  return 0;
};

/** clear and history live in the panel (they act on the page, not the machine). */
export const panelOnly: Command = () => 0;

/** Lines a filter reads: its files, or what was piped into it. */
function filterInput(
  ctx: Ctx,
  cmd: string,
  files: readonly string[],
  stdin: readonly string[] | null,
) {
  if (files.length === 0) return { lines: stdin ?? [], code: 0 };
  const lines: string[] = [];
  let code = 0;
  for (const f of files) {
    const got = readFile(ctx, cmd, f);
    if (got === null) code = 2;
    else lines.push(...got);
  }
  return { lines, code };
}

/** grep with a fixed string (and ^ / $ anchors): no regular expressions, so no runaway match. */
export const grep: Command = (ctx, args, stdin) => {
  let ignore = false;
  let invert = false;
  let count = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[ivcEF]+$/.test(a)) {
      ignore ||= a.includes('i');
      invert ||= a.includes('v');
      count ||= a.includes('c');
    } else if (a.startsWith('-') && a.length > 1 && rest.length === 0) {
      warn(
        ctx,
        `grep: invalid option -- '${a.slice(1, 2)}'`,
        'Usage: grep [OPTION]... PATTERNS [FILE]...',
      );
      return 2;
    } else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    warn(
      ctx,
      'Usage: grep [OPTION]... PATTERNS [FILE]...',
      "Try 'grep --help' for more information.",
    );
    return 2;
  }
  const { lines, code } = filterInput(ctx, 'grep', files, stdin);
  const start = pattern.startsWith('^');
  const end = pattern.endsWith('$') && pattern.length > (start ? 1 : 0);
  let needle = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  if (ignore) needle = needle.toLowerCase();
  const hit = (line: string) => {
    const l = ignore ? line.toLowerCase() : line;
    if (start && end) return l === needle;
    if (start) return l.startsWith(needle);
    if (end) return l.endsWith(needle);
    return l.includes(needle);
  };
  const matched = lines.filter((l) => hit(l) !== invert);
  if (count) say(ctx, String(matched.length));
  else say(ctx, ...matched);
  return code || (matched.length ? 0 : 1);
};

function countArg(ctx: Ctx, cmd: string, args: readonly string[]) {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const attached = /^-n?(\d+)$/.exec(a);
    if (attached) n = Number(attached[1]);
    else if (a === '-n') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v)) {
        warn(ctx, `${cmd}: invalid number of lines: '${v ?? ''}'`);
        return null;
      }
      n = Number(v);
    } else if (a.startsWith('-') && a.length > 1) {
      badOption(ctx, cmd, a);
      return null;
    } else files.push(a);
  }
  return { n, files };
}

export const head: Command = (ctx, args, stdin) => {
  const a = countArg(ctx, 'head', args);
  if (!a) return 1;
  const { lines, code } = filterInput(ctx, 'head', a.files, stdin);
  say(ctx, ...lines.slice(0, a.n));
  return code ? 1 : 0;
};

export const tail: Command = (ctx, args, stdin) => {
  const a = countArg(ctx, 'tail', args);
  if (!a) return 1;
  const { lines, code } = filterInput(ctx, 'tail', a.files, stdin);
  say(ctx, ...(a.n === 0 ? [] : lines.slice(-a.n)));
  return code ? 1 : 0;
};

export const wc: Command = (ctx, args, stdin) => {
  const files = args.filter((a) => !a.startsWith('-'));
  const { lines, code } = filterInput(ctx, 'wc', files, stdin);
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const words = lines.reduce((s, l) => s + l.split(/\s+/).filter(Boolean).length, 0);
  const chars = lines.reduce((s, l) => s + l.length + 1, 0);
  if (flags.includes('l')) say(ctx, String(lines.length));
  else if (flags.includes('w')) say(ctx, String(words));
  else if (flags.includes('c')) say(ctx, String(chars));
  else
    say(
      ctx,
      `${String(lines.length).padStart(7)} ${String(words).padStart(7)} ${String(chars).padStart(7)}`,
    );
  return code ? 1 : 0;
};
