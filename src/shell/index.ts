import { MAX_LINE } from '../contract';
import type { Input, Machine } from '../sim';
import { cd, echo, help, panelOnly, pwd } from './bash-builtins';
import type { Command } from './command';
import { cat, ls, rmdir } from './file-commands';
import { grep, head, tail, wc } from './filter-commands';
import { dmesgCmd, lspciCmd } from './kernel-commands';
import { act, isErr, note, warn, type Ctx } from './ctx';
import { STRERROR, inKernelFs, resolve, type ErrName, type FileNode } from './fs';
import { KERF_VERB_NAMES, kerf } from './kerf';
import { parseLine } from './lex';
import { mklab } from './mklab';
import { closest } from './text';
import type { OutLine, ShellResult, ShellWait } from './types';
import { INTERRUPT } from './kerf-wait';

export type { OutLine, ShellResult, ShellWait } from './types';
export { INTERRUPT, interruptWait, settleWait } from './kerf-wait';
export { KERF_VERBS, KERF_VERB_NAMES } from './kerf';
export { MKLAB_SUBS } from './mklab';
export { rootDir, type FsNode } from './fs';
export { BOOT_FILES, deviceNames } from './model';

/** Every command the shell knows (help, completion and "did you mean" read this). */
export const COMMANDS: Readonly<Record<string, Command>> = {
  cat,
  cd,
  clear: panelOnly,
  dmesg: dmesgCmd,
  echo,
  grep,
  head,
  help,
  history: panelOnly,
  kerf: (ctx, args) => kerf(ctx, args),
  ls,
  lspci: lspciCmd,
  mklab: (ctx, args) => mklab(ctx, args),
  pwd,
  rmdir,
  tail,
  wc,
};
export const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * Longer lines are refused (the contract's limit: a longer line could not be logged, linked,
 * saved or sent to an audience); longer outputs keep their last MAX_OUTPUT_LINES lines.
 */
export const MAX_OUTPUT_LINES = 500;

const textOf = (l: OutLine): string => ('text' in l ? l.text : '');

function notFound(ctx: Ctx, cmd: string): number {
  warn(ctx, `bash: ${cmd}: command not found`);
  // A kerf verb typed alone ("create …") is as likely a slip as a misspelt command.
  const near = closest(cmd, [...COMMAND_NAMES, ...KERF_VERB_NAMES]);
  const shown = near && !COMMAND_NAMES.includes(near) ? `kerf ${near}` : near;
  if (shown) note(ctx, 'shell.didYouMean', { cmd: shown }, true);
  return 127;
}

/** Where `> path` may write: a writable file, or /dev/null; otherwise bash's error for it. */
function openForWrite(ctx: Ctx, path: string): FileNode | { errno: ErrName } {
  const r = resolve(ctx.m, path);
  if ('errno' in r) {
    if (r.errno === 'ENOENT' && r.parent) return { errno: inKernelFs(path) ? 'EACCES' : 'EROFS' };
    return { errno: r.errno };
  }
  if (r.node.kind === 'dir') return { errno: 'EISDIR' };
  if (!r.node.write) return { errno: 'EACCES' };
  return r.node;
}

/**
 * Run one line against the machine: parse it, run each command of its pipeline, apply the
 * machine inputs it means through the sim's `apply` (the same inputs the UI's controls send),
 * and return its output and exit status. Never throws for any input.
 */
export function execLine(m: Machine, line: string): ShellResult {
  const inputs: Input[] = [];
  try {
    return run(m, line, inputs);
  } catch (e) {
    // Not expected (10,000 random lines say so), but a bug must not take the worker down: the
    // same line fails the same way on replay, so the log stays faithful.
    const message = e instanceof Error ? e.message : String(e);
    return {
      output: [{ key: 'shell.internalError', params: { message }, err: true }],
      exit: 70,
      inputs,
    };
  }
}

function run(m: Machine, line: string, inputs: Input[]): ShellResult {
  const ctx = (tty: boolean): Ctx => ({ m, inputs, out: [], tty });
  const top = ctx(true);
  let wait: ShellWait | undefined;
  const done = (exit: number, out: readonly OutLine[] = top.out): ShellResult => {
    const cut = out.length - MAX_OUTPUT_LINES;
    const output =
      cut > 0 ? [{ key: 'shell.truncated', params: { count: cut } }, ...out.slice(cut)] : out;
    return wait ? { output, exit, inputs, wait } : { output, exit, inputs };
  };
  // Ctrl-C (the terminal's ETX): the engine ends a blocked call with it; alone it does nothing.
  if (line === INTERRUPT) return done(0);
  if (line.length > MAX_LINE) {
    note(top, 'shell.tooLong', { max: MAX_LINE }, true);
    return done(2);
  }
  const parsed = parseLine(line);
  if ('kind' in parsed) {
    if (parsed.kind === 'syntax')
      warn(top, `bash: syntax error near unexpected token \`${parsed.near}'`);
    else if (parsed.kind === 'eof')
      warn(top, `bash: unexpected EOF while looking for matching \`${parsed.quote}'`);
    else note(top, 'shell.unsupported', { what: parsed.what }, true);
    return done(2);
  }
  const stages = parsed.stages
    .map((s) => {
      let i = 0;
      while (s[i] === 'sudo') i++;
      return s.slice(i);
    })
    .filter((s, i, all) => s.length > 0 || all.length === 1);
  if (stages.length === 0 || stages[0]?.length === 0) return done(0);

  let target: FileNode | null = null;
  if (parsed.redirect) {
    const opened = openForWrite(top, parsed.redirect.path);
    if ('errno' in opened) {
      warn(top, `bash: ${parsed.redirect.path}: ${STRERROR[opened.errno]}`);
      return done(1);
    }
    target = opened;
  }

  const out: OutLine[] = [];
  let stdin: string[] | null = null;
  let exit = 0;
  for (let i = 0; i < stages.length; i++) {
    const [cmd, ...args] = stages[i] as string[];
    const last = i === stages.length - 1;
    const c = ctx(last && !target);
    const run = Object.hasOwn(COMMANDS, cmd as string) ? COMMANDS[cmd as string] : undefined;
    exit = run ? run(c, args, stdin) : notFound(c, cmd as string);
    wait ??= c.wait;
    if (last && !target) {
      out.push(...c.out);
    } else {
      out.push(...c.out.filter((l) => l.err));
      stdin = c.out.filter((l) => !l.err).map(textOf);
    }
  }
  if (target && parsed.redirect) {
    const writer = target.write as NonNullable<FileNode['write']>;
    const data = `${(stdin ?? []).join('\n')}\n`;
    const outcome = writer(data);
    const first = stages[0]?.[0] ?? '';
    const who = first === 'echo' ? 'bash: echo' : first;
    if (outcome !== 'ok') {
      let errno: ErrName | null = 'errno' in outcome ? outcome.errno : null;
      let reason: string | null = null;
      if (!('errno' in outcome)) {
        const r = act(top, outcome.input);
        if (isErr(r)) {
          errno = r.code;
          reason = r.message;
        }
      }
      if (errno) {
        out.push({ text: `${who}: write error: ${STRERROR[errno]}`, err: true });
        if (reason) out.push({ key: 'shell.note.reason', params: { reason }, err: true });
        exit = 1;
      }
    }
  }
  return done(exit, out);
}
