import { apply, replay, type Machine, type Scenario } from '../sim';
import { execLine } from '../shell';
import type { LogEntry } from '../contract';

/**
 * Replay = scenario + seed + log (the sim's `replay`, for a log that may hold shell lines: each
 * is parsed and run again at its time, so it does exactly what it did).
 */
export function replayLog(
  scenario: Scenario,
  seed: number,
  log: readonly LogEntry[],
  untilNs: number,
): Machine {
  return replay(scenario, seed, log, untilNs, (m, input) => {
    if (input.type === 'shell.line') return execLine(m, input.line);
    // Lesson marks and twin-only inputs leave this machine as it is.
    if (input.type === 'lesson.step' || input.type === 'twin.only') return { ok: true };
    return apply(m, input);
  });
}
