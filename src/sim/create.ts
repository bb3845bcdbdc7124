import { apply } from './apply';
import { advanceTo, nextEventTime } from './loop';
import { bootMachine } from './machine';
import { S } from './time';
import type { Input, Machine, Scenario, SimError } from './types';
import type { LogEntry as ContractLogEntry } from '../contract';

/** A scenario the machine would not build: the setup step it refused (if one) and why. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly refused: {
      readonly step: number;
      readonly input: Input;
      readonly error: SimError;
    } | null = null,
    /** The setup step at which booting ran past its event budget (the machine refused none). */
    readonly overBudget: { readonly step: number; readonly input: Input } | null = null,
  ) {
    super(message);
  }
}

/** One entry of a machine input log (the engine's log also holds shell lines and lesson steps). */
export type LogEntry = ContractLogEntry<Input>;

/**
 * Power on, then apply the scenario's setup, letting each step finish (a load copies, an exec
 * boots) before the next. The scenario's clock therefore starts after its setup. A setup that
 * needs more than `maxEvents` events to settle is refused (a file may ask for anything; the
 * budget keeps booting it bounded). Within the budget the machine is the same whatever it is.
 */
export function createMachine(
  scenario: Scenario,
  seed: number,
  maxEvents = Number.MAX_SAFE_INTEGER,
): Machine {
  if (!Number.isSafeInteger(seed)) throw new ScenarioError(`seed must be an integer, got ${seed}`);
  const m = bootMachine(scenario.config, seed);
  scenario.setup.forEach((input, i) => {
    const r = apply(m, input);
    if (!r.ok)
      throw new ScenarioError(`setup[${i}] (${input.type}): ${r.message}`, {
        step: i,
        input,
        error: r,
      });
    if (!settle(m, maxEvents))
      throw new ScenarioError(
        `setup[${i}] (${input.type}): booting the setup takes more than ${maxEvents} events`,
        null,
        { step: i, input },
      );
  });
  if (!scenario.warmupNs) return m;
  // The warm-up shares the setup's event budget.
  const opens = m.now + scenario.warmupNs;
  advanceTo(m, opens, Math.max(0, maxEvents - m.counters.events));
  if (m.now < opens)
    throw new ScenarioError(`warmupNs: the warm-up takes more than ${maxEvents} events`);
  return m;
}

/**
 * Run until no instance has a load, exec or kill in progress (bounded by 60 s of sim time).
 * False when the machine has handled `maxEvents` events and is still busy.
 */
function settle(m: Machine, maxEvents: number): boolean {
  const limit = m.now + 60 * S;
  const busy = () => [...m.instances.values()].some((i) => i.pending !== null);
  while (busy()) {
    const t = nextEventTime(m);
    if (t === undefined || t > limit) return true;
    const left = maxEvents - m.counters.events;
    if (left <= 0) return false;
    advanceTo(m, t, left);
  }
  return true;
}

/**
 * A straight run: scenario + seed + log, to `untilNs`. Replay is exactly this. A log of other
 * entries (the engine's, which also holds shell lines) passes the function that applies one.
 */
export function replay<T = Input>(
  scenario: Scenario,
  seed: number,
  log: readonly { readonly atNs: number; readonly input: T }[],
  untilNs: number,
  run: (m: Machine, input: T) => unknown = apply as (m: Machine, input: T) => unknown,
): Machine {
  const m = createMachine(scenario, seed);
  for (const e of log) {
    if (e.atNs > untilNs) break;
    advanceTo(m, e.atNs);
    run(m, e.input);
  }
  advanceTo(m, untilNs);
  return m;
}
