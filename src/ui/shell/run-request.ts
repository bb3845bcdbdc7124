import { createStore } from 'zustand/vanilla';

/**
 * A lesson's "Run this": a command in the lesson text asks the shell to type it and press Enter,
 * where the learner sees it typed (the shell then sends it like any typed line). `shells` counts
 * the shells on the page: a surface without one (an embed) offers no "Run this".
 */
interface RunRequests {
  readonly request: { readonly line: string; readonly n: number } | null;
  readonly shells: number;
}

export const runRequests = createStore<RunRequests>(() => ({ request: null, shells: 0 }));

export function requestRun(line: string): void {
  const n = (runRequests.getState().request?.n ?? 0) + 1;
  runRequests.setState({ request: { line, n } });
}

/** A shell mounted (`+1`) or went away (`-1`). */
export function countShell(delta: 1 | -1): void {
  runRequests.setState((s) => ({ shells: s.shells + delta }));
}

/** Command words a lesson's code may start with to be runnable in the lab's shell. */
const RUNNABLE = new Set(['kerf', 'mklab', 'cat', 'echo', 'ls', 'dmesg', 'head', 'grep']);

/** Whether a piece of lesson code is a command line the shell runs (not a bare name or value). */
export function isRunnable(code: string): boolean {
  const words = code.trim().split(/\s+/);
  return words.length >= 2 && RUNNABLE.has(words[0] ?? '');
}
