import type { Input, OutLine } from '../contract';

export type { OutLine } from '../contract';

/**
 * A system call the line is blocked in (kexec_file_load, reboot(MULTIKERNEL), reboot(HALT)):
 * the engine runs the machine ahead until `settleWait` answers, or Ctrl-C abandons the wait.
 */
export interface ShellWait {
  readonly call: 'load' | 'start' | 'kill' | 'kill-force';
  readonly id: number;
  readonly name: string;
  /** The CPU whose mailbox claim `start` waits for. */
  readonly cpu: number;
  readonly since: number;
  readonly verbose: boolean;
  /** `kerf start --console`: print the console once booted. */
  readonly console: boolean;
}

export interface ShellResult {
  readonly output: readonly OutLine[];
  /** The exit status, as a shell reports it: 0 ok, 1 error, 2 usage, 127 command not found. */
  readonly exit: number;
  /** Every machine input the line tried, in order (the engine gives them to the twin too). */
  readonly inputs: readonly Input[];
  /** Set when the line is still blocked in a system call: `output` is what it printed so far. */
  readonly wait?: ShellWait;
}
