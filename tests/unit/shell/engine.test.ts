import { describe, expect, it } from 'vitest';
import { preset, stateHash, traceHash, type Input } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import type { FrameRequest, LabInput } from '../../../src/contract';
import { Engine } from '../../../src/worker/engine';
import { replayLog } from '../../../src/worker/replay-log';

const scenario = preset('two-kernels');
const noYield = async () => {};
const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;
const line = (l: string): LabInput => ({ type: 'shell.line', line: l });
const frame = (e: Engine, inputs: LabInput[], advanceNs = 0) =>
  e.frame({ ...idle, inputs, advanceNs } satisfies FrameRequest);

describe('shell lines through the engine', () => {
  it('a line is an input: logged with its time, answered in the frame, replayed alike', () => {
    const e = new Engine({ scenario, seed: 5 });
    frame(e, [], 20 * MS);
    const f = frame(e, [line('mklab panic beta'), line('cat /proc/kimage')], 30 * MS);
    expect(f.shell.map((s) => [s.line, s.exit])).toEqual([
      ['mklab panic beta', 0],
      ['cat /proc/kimage', 0],
    ]);
    expect(f.shell[1]?.output[0]).toEqual({ text: 'MK_ID  Type        Start Address   Segments' });
    expect(f.applied.map((a) => a.result.ok)).toEqual([true, true]);
    expect(e.logEntries.map((x) => x.input)).toEqual([
      line('mklab panic beta'),
      line('cat /proc/kimage'),
    ]);
    expect(e.logEntries[0]?.atNs).toBe(f.t - 30 * MS);
    expect(f.logLength).toBe(2);
    // A rebuild from the log (a worker restart) and a straight replay land on the same machine.
    const rebuilt = new Engine({ scenario, seed: 5, log: e.logEntries, t: e.now });
    expect(rebuilt.hash()).toBe(e.hash());
    expect(stateHash(rebuilt.machine)).toBe(stateHash(e.machine));
    expect(traceHash(replayLog(scenario, 5, e.logEntries, e.now))).toBe(e.hash());
  });

  it('a shell line and the UI input for the same action leave the same machine', () => {
    const a = new Engine({ scenario, seed: 2 });
    const b = new Engine({ scenario, seed: 2 });
    for (const e of [a, b]) frame(e, [], 10 * MS);
    frame(a, [line('kerf kill --force beta')], 50 * MS);
    frame(b, [{ type: 'instance.kill', name: 'beta', force: true }], 50 * MS);
    expect(a.machine.instances.get(2)?.state).toBe('loaded');
    expect(stateHash(a.machine)).toBe(stateHash(b.machine));
  });

  it('seeking back and playing on re-runs the logged line: the panic happens again', async () => {
    const e = new Engine({ scenario, seed: 3 });
    frame(e, [], 50 * MS);
    const at = e.now;
    frame(e, [line('mklab panic beta')], 50 * MS);
    expect(e.machine.instances.get(2)?.state).toBe('loaded');
    await e.seek(at - 1, noYield);
    expect(e.machine.instances.get(2)?.state).toBe('active');
    frame(e, [], 10 * MS);
    expect(e.machine.instances.get(2)?.state).toBe('loaded');
  });

  it('a read typed after a rewind is answered without forking; a line that acts forks', async () => {
    const e = new Engine({ scenario, seed: 3 });
    frame(e, [], 50 * MS);
    frame(e, [line('mklab panic beta')], 50 * MS);
    await e.seek(e.now - 80 * MS, noYield);
    const read = frame(e, [line('cat /sys/fs/multikernel/instances/beta/status')]);
    expect(read.shell[0]?.output).toEqual([{ text: 'active' }]);
    expect(read.fork).toBeNull();
    expect(read.logLength).toBe(1);
    const act = frame(e, [line('mklab lockup alpha')]);
    expect(act.fork?.dropped).toBe(1);
    expect(e.logEntries.map((x) => x.input)).toEqual([line('mklab lockup alpha')]);
    // A line that fails still goes in the log (as a refused input does): replay shows it again.
    const bad = frame(e, [line('kerf start zz')]);
    expect(bad.shell[0]?.exit).toBe(1);
    expect(bad.logLength).toBe(2);
  });

  it('the twin gets what a line expands to, now and when it is switched on later', () => {
    const viaShell = new Engine({ scenario, seed: 8, twin: true });
    const viaUi = new Engine({ scenario, seed: 8, twin: true });
    const panic: Input = { type: 'fault', kind: 'panic', target: 'alpha' };
    for (const e of [viaShell, viaUi]) frame(e, [], 20 * MS);
    frame(viaShell, [line('mklab panic alpha')], 20 * MS);
    frame(viaUi, [panic], 20 * MS);
    const twinOf = (e: Engine) => frame(e, []).twin;
    expect(twinOf(viaShell)?.hash).toBe(twinOf(viaUi)?.hash);
    expect(twinOf(viaShell)?.instances[0]?.panicked).toBe(true);

    const late = new Engine({ scenario, seed: 8 });
    frame(late, [], 20 * MS);
    frame(late, [line('mklab panic alpha')], 20 * MS);
    late.setTwin(true);
    expect(twinOf(late)?.hash).toBe(twinOf(viaUi)?.hash);
  });
});
