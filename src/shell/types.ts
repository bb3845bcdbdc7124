import type { Input } from '../sim';

/**
 * A line typed into the shell. It is an input to the *engine* (src/worker): logged with its
 * simulated time like any input and, on replay, parsed again into the same machine inputs.
 */
export interface ShellLine {
  readonly type: 'shell.line';
  readonly line: string;
}

/** What the engine's input log holds: a machine input, or a shell line that expands to some. */
export type EngineInput = Input | ShellLine;

export function isShellLine(i: EngineInput): i is ShellLine {
  return i.type === 'shell.line';
}

/**
 * One line of output. Kernel and tool output is `text`, exactly as printed (English, as the
 * real tools print it). Prose of the lab's own (help, notes) is a message `key` with `params`,
 * which the page translates: src/shell has no i18n dependency. `err` marks standard error.
 */
export type OutLine =
  | { readonly text: string; readonly err?: true }
  | {
      readonly key: string;
      readonly params?: Readonly<Record<string, string | number>>;
      readonly err?: true;
    };

export interface ShellResult {
  readonly output: readonly OutLine[];
  /** The exit status, as a shell reports it: 0 ok, 1 error, 2 usage, 127 command not found. */
  readonly exit: number;
  /** Every machine input the line tried, in order (the engine gives them to the twin too). */
  readonly inputs: readonly Input[];
}
