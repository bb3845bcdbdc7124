import type { Input, OutLine } from '../contract';

export type { OutLine } from '../contract';

export interface ShellResult {
  readonly output: readonly OutLine[];
  /** The exit status, as a shell reports it: 0 ok, 1 error, 2 usage, 127 command not found. */
  readonly exit: number;
  /** Every machine input the line tried, in order (the engine gives them to the twin too). */
  readonly inputs: readonly Input[];
}
