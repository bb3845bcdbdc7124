import {
  advanceTo,
  apply,
  createMachine,
  twinInput,
  type Input,
  type Machine,
  type Scenario,
} from '../sim';
import { twinScenario } from '../sim';
import type { LogEntry } from '../contract';

/**
 * The monolithic twin rebuilt from the same seed and the twin's share of the log, up to `now`
 * (the twin switched on mid-run). `expanded` gives the machine inputs a shell line ran; with
 * `mirrorFaults` false only `twin.only` inputs reach the twin's faults.
 */
export function rebuildTwin(
  scenario: Scenario,
  seed: number,
  entries: readonly LogEntry[],
  expanded: (e: LogEntry) => readonly Input[],
  mirrorFaults: boolean,
  now: number,
): Machine {
  const tw = createMachine(twinScenario(scenario), seed);
  for (const e of entries) {
    advanceTo(tw, e.atNs);
    const input = e.input;
    if (input.type === 'lesson.step') continue;
    if (input.type === 'twin.only') {
      apply(tw, input.input);
      continue;
    }
    for (const i of input.type === 'shell.line' ? expanded(e) : [input]) {
      if (i.type === 'fault' && !mirrorFaults) continue;
      const ti = twinInput(i);
      if (ti) apply(tw, ti);
    }
  }
  advanceTo(tw, now);
  return tw;
}
