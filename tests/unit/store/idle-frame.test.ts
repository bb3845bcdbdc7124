import { afterEach, describe, expect, it } from 'vitest';
import { preset } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { lessonStore } from '../../../src/store/lesson-store';
import { initialSim, receiveFrame, simStore, sinceOf } from '../../../src/store/sim-store';
import { Engine } from '../../../src/worker/engine';
import type { LabInput } from '../../../src/contract';

// Issue 14: paused, the page asks the worker for a frame a second (a silent worker is noticed);
// such a frame brings nothing new and must not wake the page (every part subscribed would draw
// itself again). A frame that brings anything — time, an input, a fault — still does.

afterEach(() => simStore.setState(initialSim, true));

function machine() {
  const engine = new Engine({ scenario: preset('two-kernels'), seed: 1 });
  let notified = 0;
  const stop = simStore.subscribe(() => notified++);
  const frame = (advanceNs: number, inputs: readonly LabInput[] = []) =>
    receiveFrame(engine.frame({ inputs, advanceNs, ...sinceOf(simStore.getState()) }));
  return { frame, notified: () => notified, stop };
}

describe('a frame that brings nothing new', () => {
  it('changes no store while paused, and the next real change is taken', () => {
    const m = machine();
    m.frame(40 * MS);
    const before = { sim: simStore.getState(), lesson: lessonStore.getState(), n: m.notified() };
    for (let i = 0; i < 5; i++) m.frame(0);
    expect(m.notified()).toBe(before.n);
    expect(simStore.getState()).toBe(before.sim);
    expect(lessonStore.getState()).toBe(before.lesson);
    // Time moves: taken.
    m.frame(1 * MS);
    expect(m.notified()).toBe(before.n + 1);
    expect(simStore.getState().t).toBeGreaterThan(before.sim.t);
    m.stop();
  });

  it('an input applied without time passing is taken (a panic while paused)', () => {
    const m = machine();
    m.frame(40 * MS);
    const before = simStore.getState();
    m.frame(0, [{ type: 'fault', kind: 'panic', target: 'k1' } as LabInput]);
    const after = simStore.getState();
    expect(after).not.toBe(before);
    expect(after.logLength).toBe(before.logLength + 1);
    m.stop();
  });
});
