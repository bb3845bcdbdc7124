import { apply, type ApplyResult, type Input, type Machine, type SimError } from '../sim';
import { STRERROR } from './fs';
import type { OutLine, ShellWait } from './types';

/** What a command works with: the machine, the inputs it tried, and its output so far. */
export interface Ctx {
  readonly m: Machine;
  readonly inputs: Input[];
  readonly out: OutLine[];
  /** Is standard output the terminal (the last stage, not redirected)? ls prints columns then. */
  readonly tty: boolean;
  /** The blocking call the command left the line in (src/shell/kerf-wait.ts). */
  wait?: ShellWait;
}

/** Apply one input through the sim's `apply` (the same path as the UI's controls) and note it. */
export function act(ctx: Ctx, input: Input): ApplyResult {
  ctx.inputs.push(input);
  return apply(ctx.m, input);
}

export const say = (ctx: Ctx, ...lines: string[]): void => {
  for (const text of lines) ctx.out.push({ text });
};
export const warn = (ctx: Ctx, ...lines: string[]): void => {
  for (const text of lines) ctx.out.push({ text, err: true });
};
/** Lab prose: a message key the page translates. */
export const note = (
  ctx: Ctx,
  key: string,
  params?: Readonly<Record<string, string | number>>,
  err = false,
): void => {
  ctx.out.push({ key, ...(params ? { params } : {}), ...(err ? { err: true as const } : {}) });
};

/** Python's `str(OSError)`: "[Errno 16] Device or resource busy". */
export function pyErrno(e: SimError): string {
  return `[Errno ${-e.errno}] ${STRERROR[e.code]}`;
}

export const isErr = (r: ApplyResult): r is SimError => !r.ok;
