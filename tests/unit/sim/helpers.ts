import {
  advanceTo,
  apply,
  createMachine,
  DEFAULT_CONFIG,
  nextEventTime,
  type Input,
  type Machine,
  type MachineConfig,
  type Scenario,
} from '../../../src/sim';
import { GIB } from '../../../src/sim/time';

export const cfg = (over: Partial<MachineConfig> = {}): MachineConfig => ({
  ...DEFAULT_CONFIG,
  ...over,
});

/** GitHub tree: host on 0–3, CPUs 4–7 in the pool. v1/v2 (no CPU pool): host on all 8. */
export function pooled(over: Partial<MachineConfig> = {}, setup: Input[] = []): Machine {
  const github = (over.version ?? 'github') === 'github';
  const pool: Input[] = github ? [4, 5, 6, 7].map((cpu) => ({ type: 'cpu.toPool', cpu })) : [];
  const s: Scenario = { config: cfg(over), setup: [...pool, ...setup] };
  return createMachine(s, 7);
}

export function must(m: Machine, input: Input): void {
  const r = apply(m, input);
  if (!r.ok) throw new Error(`${input.type}: ${r.message}`);
}

/** Run event by event until `pred` holds; returns the simulated time it took. */
export function until(m: Machine, pred: () => boolean, limitNs = 60_000_000_000): number {
  const start = m.now;
  while (!pred()) {
    const t = nextEventTime(m);
    if (t === undefined || t - start > limitNs)
      throw new Error(`condition not reached within ${limitNs} ns`);
    advanceTo(m, t);
  }
  return m.now - start;
}

export const inst = (m: Machine, name: string) =>
  [...m.instances.values()].find((i) => i.name === name);
export const state = (m: Machine, name: string) => inst(m, name)?.state;
export const wl = (m: Machine, name: string) =>
  m.workloads.find((w) => w.name === name && w.kernel !== -1);

/** create → load → exec of `name` on `cpus`, run until active. */
export function boot(m: Machine, name: string, cpus: number[], memMiB = 1 * GIB): void {
  must(m, { type: 'instance.create', name, cpus, memMiB });
  must(m, { type: 'instance.load', name });
  until(m, () => state(m, name) === 'loaded');
  must(m, { type: 'instance.exec', name });
  until(m, () => state(m, name) === 'active');
}
