import { say, warn, type Ctx } from './ctx';
import { badOption, readFile, type Command } from './command';

// grep, head, tail and wc: filters over their files or what was piped into them.

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
