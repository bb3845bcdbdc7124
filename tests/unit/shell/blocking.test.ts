import { describe, expect, it } from 'vitest';
import { preset, stateHash, traceHash } from '../../../src/sim';
import { MS, S } from '../../../src/sim/time';
import { INTERRUPT } from '../../../src/shell';
import type { Frame, FrameRequest, LabInput, OutLine } from '../../../src/contract';
import { Engine } from '../../../src/worker/engine';
import { WAIT_AHEAD_NS } from '../../../src/contract/limits';
import { replayLog } from '../../../src/worker/replay-log';

// kerf's blocking system calls through the engine, as a learner meets them: the prompt waits,
// simulated time runs ahead to the answer even paused, and Ctrl-C stops waiting.

const scenario = preset('two-kernels');
const line = (l: string): LabInput => ({ type: 'shell.line', line: l });
const texts = (out: readonly OutLine[]) => out.map((l) => ('text' in l ? l.text : `<${l.key}>`));
const status = (e: Engine, name: string) =>
  [...e.machine.instances.values()].find((i) => i.name === name)?.state;

let last: Frame | null = null;
const frame = (e: Engine, inputs: LabInput[] = [], advanceNs = 0): Frame =>
  (last = e.frame({ inputs, advanceNs, sinceHappening: -1 } satisfies FrameRequest));

/** The blocked line's answer: in the last frame, or after paused frames; and the frames it took. */
function answer(e: Engine, max = 1000) {
  for (let n = 1; n <= max; n++) {
    const f = n === 1 && last ? last : frame(e);
    const cont = f.shell.find((s) => s.cont);
    if (cont) return { cont, frames: n };
  }
  throw new Error('no answer');
}

describe('blocking kerf calls', () => {
  it('kerf load blocks until the image is in place, then says so (paused)', () => {
    const e = new Engine({ scenario, seed: 1 });
    frame(e, [line('kerf kill --force alpha')]);
    answer(e);
    frame(e, [line('kerf unload alpha')]);
    const f = frame(e, [line('kerf load alpha --kernel=/boot/vmlinuz')]);
    expect(f.shell[0]?.waiting).toBe(true);
    expect(texts(f.shell[0]?.output ?? [])).not.toContain('✓ Kernel loaded successfully');
    const { cont } = answer(e);
    expect(texts(cont.output)[0]).toBe('✓ Kernel loaded successfully');
    expect(cont.exit).toBe(0);
    expect(status(e, 'alpha')).toBe('loaded');
    // load then start typed at once now works: the second line runs after the first answered.
    // start returns at the mailbox claim (as reboot(MULTIKERNEL) does); the kernel boots on.
    frame(e, [line('kerf start alpha')]);
    expect(answer(e).cont.exit).toBe(0);
    expect(status(e, 'alpha')).toBe('loaded');
    expect(e.machine.cpus[4]?.state).toBe('booting');
    frame(e, [], 100 * MS);
    expect(status(e, 'alpha')).toBe('active');
  });

  it('kerf start on a CPU that never claims: -ETIMEDOUT after exactly 1 s, not success', () => {
    const e = new Engine({ scenario, seed: 1 });
    frame(e, [line('kerf kill --force alpha'), line('mklab claim-miss 4')]);
    answer(e);
    const t0 = e.now;
    const f = frame(e, [line('kerf start alpha')]);
    expect(texts(f.shell.find((s) => s.waiting)?.output ?? [])).toEqual([
      "Booting instance 'alpha' (ID: 1)...",
    ]);
    const { cont } = answer(e);
    expect(cont.exit).toBe(1);
    expect(texts(cont.output)[0]).toBe(
      'Error: reboot syscall failed: [Errno 110] Connection timed out',
    );
    expect(cont.output[1]).toMatchObject({ params: { waitedNs: 1_000_000_000, cpu: 4 } });
    expect(cont.atNs - t0).toBe(1 * S);
  });

  it('a graceful kill of a hung kernel: 30 s of simulated time in a few paused frames', () => {
    const e = new Engine({ scenario, seed: 1 });
    frame(e, [line('mklab lockup beta')], 10 * MS);
    const t0 = e.now;
    frame(e, [line('kerf kill beta')]);
    const { cont, frames } = answer(e);
    expect(cont.exit).toBe(1);
    expect(cont.output[1]).toMatchObject({ key: 'shell.wait.ackTimeout' });
    expect(cont.atNs - t0).toBe(30 * S);
    expect(frames).toBeLessThanOrEqual(Math.ceil((30 * S) / WAIT_AHEAD_NS) + 1);
    expect(status(e, 'beta')).toBe('active');
    // The wait is not a machine input: the log replays to the same machine.
    expect(traceHash(replayLog(scenario, 1, e.logEntries, e.now))).toBe(e.hash());
  });

  it('Ctrl-C abandons the wait, says what the kernel still does, and changes nothing', () => {
    const e = new Engine({ scenario, seed: 1 });
    frame(e, [line('mklab lockup beta')], 10 * MS);
    frame(e, [line('kerf kill beta')]);
    frame(e);
    const f = frame(e, [line(INTERRUPT)]);
    const cont = f.shell.find((s) => s.cont);
    expect(f.shell.filter((s) => !s.cont)).toEqual([]);
    expect(cont?.exit).toBe(130);
    expect(texts(cont?.output ?? [])).toEqual(['^C', '<shell.wait.interrupted.kill>']);
    // The host still waits for the ACK: its timeout comes, and nothing answers the prompt.
    const before = stateHash(e.machine);
    expect(frame(e, [], 40 * S).shell).toEqual([]);
    expect(stateHash(e.machine)).not.toBe(before);
    expect(e.logEntries.map((x) => x.input)).toContainEqual(line(INTERRUPT));
    expect(traceHash(replayLog(scenario, 1, e.logEntries, e.now))).toBe(e.hash());
  });

  it('kerf kill --force on a loaded instance is taken, as core.c does', () => {
    const e = new Engine({ scenario, seed: 1 });
    frame(e, [line('kerf kill --force alpha')]);
    expect(answer(e).cont.exit).toBe(0);
    frame(e, [line('kerf kill --force alpha')]);
    const { cont } = answer(e);
    expect(cont.exit).toBe(0);
    expect(status(e, 'alpha')).toBe('loaded');
  });
});
