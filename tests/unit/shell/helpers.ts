import {
  advanceTo,
  createMachine,
  nextEventTime,
  preset,
  type Machine,
  type ProposalVersion,
  type Scenario,
} from '../../../src/sim';
import { execLine, settleWait, type OutLine, type ShellResult } from '../../../src/shell';
import { MS } from '../../../src/sim/time';

/** The two-kernels preset (alpha on CPUs 4–5, beta on 6–7, a 4 GiB pool), in a chosen version. */
export function twoKernels(version: ProposalVersion = 'github'): Scenario {
  const s = preset('two-kernels');
  return { ...s, config: { ...s.config, version } };
}

/** A fresh machine: the two-kernels preset at seed 1 (deterministic). */
export function machine(version: ProposalVersion = 'github'): Machine {
  return createMachine(twoKernels(version), 1);
}

/** The same hardware with nothing on it yet: the host on every CPU, the 4 GiB boot pool. */
export function bare(version: ProposalVersion = 'github'): Machine {
  const s = preset('two-kernels');
  return createMachine({ config: { ...s.config, version }, setup: [] }, 1);
}

/** One output line as the golden files show it: text verbatim, a message key as <key {params}>. */
export function show(l: OutLine): string {
  const body = 'text' in l ? l.text : `<${l.key}${l.params ? ` ${JSON.stringify(l.params)}` : ''}>`;
  return l.err ? `${body}  [stderr]` : body;
}

export function render(line: string, r: ShellResult): string {
  return [`$ ${line}`, ...r.output.map(show), `[exit ${r.exit}]`].join('\n');
}

/**
 * One line as the engine answers it: a line blocked in a system call is run ahead, one event
 * time after another, until the machine answers (src/worker/shell-wait.ts does the same).
 */
export function runLine(m: Machine, line: string): ShellResult {
  const r = execLine(m, line);
  const w = r.wait;
  if (!w) return r;
  for (;;) {
    const s = settleWait(m, w);
    if (s) return { output: [...r.output, ...s.output], exit: s.exit, inputs: r.inputs };
    const t = nextEventTime(m);
    if (t === undefined) throw new Error(`${line}: blocked with nothing left to happen`);
    advanceTo(m, t);
  }
}

/** Run lines one after another, letting `ms` of simulated time pass after each. */
export function session(m: Machine, lines: readonly string[], ms = 0): string[] {
  return lines.map((line) => {
    const r = runLine(m, line);
    if (ms > 0) advanceTo(m, m.now + ms * MS);
    return render(line, r);
  });
}

export const errLines = (r: ShellResult): string[] => r.output.filter((l) => l.err).map(show);
