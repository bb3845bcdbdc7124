import type { SimBridge } from '../../bridge/sim-bridge';
import { pushInput } from '../../store/input-store';
import { simStore } from '../../store/sim-store';
import type { LogEntry } from '../../contract';
import { logKey } from './protocol';

/** Past this, the inputs are taken as not applied, and the follower replays from the start. */
const APPLY_WITHIN_MS = 3000;

/**
 * When the presenter's new log is the one this lab stands on plus inputs given at this very
 * instant (a step moved on while paused: the common case in class), apply just those inputs
 * instead of replaying the machine from its start — the same inputs at the same time give the
 * same machine (the simulation is deterministic). True only when the lab's log then has the
 * presenter's very key; otherwise the caller replays as before.
 */
export async function extendTo(
  bridge: SimBridge,
  log: readonly LogEntry[],
  key: string,
): Promise<boolean> {
  const own = bridge.inputLog;
  const t = simStore.getState().t;
  if (log.length <= own.length || logKey(own) !== logKey(log.slice(0, own.length))) return false;
  const extra = log.slice(own.length);
  if (extra.some((e) => e.atNs !== t)) return false;
  const applied = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => done(false), APPLY_WITHIN_MS);
    const stop = simStore.subscribe((s) => {
      if (s.logLength >= log.length) done(true);
    });
    function done(ok: boolean): void {
      clearTimeout(timer);
      stop();
      resolve(ok);
    }
  });
  for (const e of extra) pushInput(e.input);
  // A student's tab in the background gets no animation frames to carry them.
  void bridge.flush();
  return (await applied) && logKey(bridge.inputLog) === key;
}

/**
 * When the presenter stepped back (its log is this lab's cut short, as a lesson's "back" cuts
 * it), do the same step back here instead of replaying from the start. True only when the
 * lab's log then has the presenter's very key.
 */
export async function stepBackTo(
  bridge: SimBridge,
  log: readonly LogEntry[],
  key: string,
  step: number | null,
): Promise<boolean> {
  const own = bridge.inputLog;
  if (step === null || log.length >= own.length) return false;
  if (logKey(own.slice(0, log.length)) !== key) return false;
  await bridge.rewindToStep(step);
  return logKey(bridge.inputLog) === key;
}
