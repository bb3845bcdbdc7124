import { afterEach, describe, expect, it } from 'vitest';
import { preset } from '../../../src/sim';
import { MS, US } from '../../../src/sim/time';
import { initialSim, receiveFrame, simStore, sinceOf } from '../../../src/store/sim-store';
import { Engine } from '../../../src/worker/engine';
import type { Frame, LabInput } from '../../../src/contract';

// Issue 14: the store's buffers (happenings, traffic, CPU marks) stay the same arrays when a frame
// adds nothing to them, so what shows them (the event log) does not draw itself again each frame.

afterEach(() => simStore.setState(initialSim, true));

const engine = () => new Engine({ scenario: preset('two-kernels'), seed: 1 });
const next = (e: Engine, advanceNs: number, inputs: readonly LabInput[] = []): Frame =>
  e.frame({ inputs, advanceNs, ...sinceOf(simStore.getState()) });
/** The second kernel panics: the frame brings happenings. */
const panic = (): LabInput =>
  ({
    type: 'fault',
    kind: 'panic',
    target: simStore.getState().view?.instances[1]?.name,
  }) as LabInput;

describe('the buffers a frame leaves alone', () => {
  it('keep their arrays; those it adds to grow, oldest first', () => {
    const e = engine();
    receiveFrame(next(e, 40 * MS));
    let quiet = 0;
    let grew = 0;
    for (let i = 0; i < 40; i++) {
      const before = simStore.getState();
      const f = next(e, 50 * US, i === 20 ? [panic()] : []);
      receiveFrame(f);
      const after = simStore.getState();
      expect(after.t).toBeGreaterThan(before.t);
      if (f.happenings.length === 0) {
        expect(after.happenings).toBe(before.happenings);
        quiet++;
      } else {
        expect(after.happenings).not.toBe(before.happenings);
        expect(after.happenings.slice(-f.happenings.length)).toEqual(f.happenings);
        grew++;
      }
      if (f.traffic.length === 0) expect(after.traffic).toBe(before.traffic);
      else expect(after.traffic.at(-1)).toEqual(f.traffic.at(-1));
      if (f.cpuMarks.length === 0) expect(after.cpuMarks).toBe(before.cpuMarks);
    }
    // Both kinds of frame were seen: the check above is not vacuous.
    expect(quiet).toBeGreaterThan(0);
    expect(grew).toBeGreaterThan(0);
  });

  it('after a rewind, keep only what lies before the new time', async () => {
    const e = engine();
    receiveFrame(next(e, 80 * MS));
    const late = simStore.getState();
    expect(late.happenings.length).toBeGreaterThan(0);
    await e.seek(late.happenings[0]!.t, () => Promise.resolve());
    receiveFrame(next(e, 0));
    const after = simStore.getState();
    expect(after.t).toBeLessThan(late.t);
    expect(after.happenings.every((h) => h.t <= after.t)).toBe(true);
    expect(after.traffic.every((x) => x.t <= after.t)).toBe(true);
  });
});
