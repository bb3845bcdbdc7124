import { describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../src/contract';
import { preset, traceHash } from '../../src/sim';
import { MS, S } from '../../src/sim/time';
import { Checkpoints, MAX_CHECKPOINTS, type Checkpoint } from '../../src/worker/checkpoints';
import { Engine } from '../../src/worker/engine';
import { replayLog } from '../../src/worker/replay-log';

const scenario = preset('two-kernels');
const noYield = async () => {};
const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;

describe('the worker engine', () => {
  it('logs each input with the simulated time it was applied at', () => {
    const e = new Engine({ scenario, seed: 3 });
    e.frame({ ...idle, advanceNs: 10 * MS });
    const f = e.frame({ ...idle, inputs: [{ type: 'fault', kind: 'panic', target: 'beta' }] });
    expect(f.applied).toHaveLength(1);
    expect(f.applied[0]?.result.ok).toBe(true);
    expect(e.logEntries).toEqual([
      { atNs: f.t, input: { type: 'fault', kind: 'panic', target: 'beta' } },
    ]);
  });

  it('a shell line longer than any log may hold is refused and never logged, however it arrives', () => {
    const e = new Engine({ scenario, seed: 3 });
    const long = `kerf create big --cpus=2 ${'x'.repeat(MAX_LINE)}`;
    const f = e.frame({ ...idle, inputs: [{ type: 'shell.line', line: long }] });
    expect(f.shell[0]?.exit).toBe(2);
    expect(e.logEntries).toEqual([]);
    const ok = e.frame({ ...idle, inputs: [{ type: 'shell.line', line: 'kerf show' }] });
    expect(ok.logLength).toBe(1);
  });

  it('an input in the past forks the timeline: the later log is dropped and the frame says so', async () => {
    const e = new Engine({ scenario, seed: 3 });
    e.frame({ ...idle, advanceNs: 100 * MS });
    e.frame({ ...idle, inputs: [{ type: 'fault', kind: 'panic', target: 'beta' }] });
    e.frame({ ...idle, advanceNs: 100 * MS });
    e.frame({ ...idle, inputs: [{ type: 'instance.exec', name: 'beta' }] });
    const end = e.now;
    await e.seek(end - 50 * MS, noYield);
    const f = e.frame({ ...idle, inputs: [{ type: 'fault', kind: 'lockup', target: 'alpha' }] });
    expect(f.fork).toEqual({ atNs: end - 50 * MS, dropped: 1 });
    expect(e.logEntries.map((x) => x.input.type)).toEqual(['fault', 'fault']);
    expect(f.logLength).toBe(2);
  });

  it('rewinding before a panic shows the kernel alive; playing on replays the panic', async () => {
    const e = new Engine({ scenario, seed: 3 });
    e.frame({ ...idle, advanceNs: 50 * MS });
    const panicAt = e.now;
    e.frame({
      ...idle,
      inputs: [{ type: 'fault', kind: 'panic', target: 'beta' }],
      advanceNs: 50 * MS,
    });
    const beta = () => e.machine.instances.get(2);
    expect(beta()?.state).toBe('loaded');
    await e.seek(panicAt - 1, noYield);
    expect(beta()?.state).toBe('active');
    expect(beta()?.panicked).toBe(false);
    e.frame({ ...idle, advanceNs: 10 * MS });
    expect(beta()?.state).toBe('loaded');
  });

  it('a frame stops at its event budget and reports the lag', () => {
    const e = new Engine({ scenario: preset('datacenter'), seed: 1 });
    const f = e.frame({ ...idle, advanceNs: 10 * S }, 20_000);
    expect(f.lagging).toBe(true);
    expect(f.advancedNs).toBeLessThan(10 * S);
    expect(f.view.events - e.machine.counters.events).toBe(0);
  });

  it('checkpoints stay bounded however long the run', () => {
    const e = new Engine({ scenario, seed: 9, checkpointEvery: 200 });
    for (let i = 0; i < 400; i++) e.frame({ ...idle, advanceNs: 20 * MS }, Number.MAX_SAFE_INTEGER);
    expect(e.checkpointCount()).toBeLessThanOrEqual(MAX_CHECKPOINTS + 1);
    expect(e.checkpointCount()).toBeGreaterThan(5);
  });

  it('thinned checkpoints stay evenly spread: a seek anywhere re-simulates at most two gaps', () => {
    const cps = new Checkpoints(1000);
    const at = (events: number) => ({ t: events, applied: 0, events }) as unknown as Checkpoint;
    cps.add(at(0));
    const total = 1000 * 1000;
    for (let e = 1000; e <= total; e += 1000) cps.addThinned(at(e));
    expect(cps.count).toBe(MAX_CHECKPOINTS);
    const ts: number[] = [];
    for (let t = 0; t <= total; t += 1000) {
      const c = cps.atOrBefore(t);
      if (c && !ts.includes(c.t)) ts.push(c.t);
    }
    const gaps = ts.slice(1).map((t, i) => t - (ts[i] as number));
    expect(Math.max(...gaps)).toBeLessThanOrEqual((2 * total) / (MAX_CHECKPOINTS - 1));
    expect(ts.at(-1)).toBe(total);
  });

  it('a rebuild from scenario + seed + log + time equals the live engine (what a worker restart does)', () => {
    const live = new Engine({ scenario, seed: 11 });
    live.frame({ ...idle, advanceNs: 30 * MS });
    live.frame({ ...idle, inputs: [{ type: 'instance.kill', name: 'alpha' }], advanceNs: 17 * MS });
    live.frame({
      ...idle,
      inputs: [{ type: 'msg.send', from: 'host', to: 'beta', category: 'USER' }],
      advanceNs: 33 * MS,
    });
    const rebuilt = new Engine({ scenario, seed: 11, log: live.logEntries, t: live.now });
    expect(rebuilt.now).toBe(live.now);
    expect(rebuilt.hash()).toBe(live.hash());
    expect(rebuilt.hash()).toBe(traceHash(replayLog(scenario, 11, live.logEntries, live.now)));
  });

  it('the twin runs in lockstep, survives a rewind, and switching it on later rebuilds it', async () => {
    const e = new Engine({ scenario, seed: 4 });
    e.frame({
      ...idle,
      inputs: [{ type: 'fault', kind: 'panic', target: 'beta' }],
      advanceNs: 200 * MS,
    });
    e.setTwin(true);
    let f = e.frame({ ...idle, advanceNs: 200 * MS });
    expect(f.twin?.t).toBe(f.t);
    expect(f.twin?.instances.find((i) => i.id === 0)?.panicked).toBe(true);
    await e.seek(1, noYield);
    f = e.frame(idle);
    expect(f.twin?.instances.find((i) => i.id === 0)?.panicked).toBe(false);
  });

  it('an input that arrives during a long seek is kept and applied when the seek ends', async () => {
    const e = new Engine({ scenario: preset('datacenter'), seed: 2 });
    let during: ReturnType<Engine['frame']> | null = null;
    // Far enough ahead (≈ 400,000 events) that the seek runs in several chunks and yields.
    await e.seek(6 * S, async () => {
      during ??= e.frame({ ...idle, inputs: [{ type: 'fault', kind: 'panic', target: 'k6' }] });
    });
    expect(during).not.toBeNull();
    expect(during!.seeking).toBe(true);
    expect(during!.applied).toEqual([]);
    const after = e.frame(idle);
    expect(after.applied.map((a) => a.input)).toEqual([
      { type: 'fault', kind: 'panic', target: 'k6' },
    ]);
    expect(after.applied[0]?.result.ok).toBe(true);
  });
});
