import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons';
import { MS } from '../../../src/sim/time';
import type { Frame, LogEntry } from '../../../src/contract';
import { Engine } from '../../../src/worker/engine';

const slug = 'one-kernel-owns-everything';
const logic = LESSONS[slug];
const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;
const noYield = async () => {};

/** What the page's bridge does with frames: mirror the worker's log. */
function mirror(log: LogEntry[], f: Frame): void {
  if (f.fork || f.applied.length > 0 || f.logLength < log.length) {
    log.length = Math.max(0, f.logLength - f.applied.length);
    for (const a of f.applied) log.push({ atNs: a.atNs, input: a.input });
  }
}

describe('lessons in the engine', () => {
  it('reports the step and its goals in every frame; a goal latches once it holds', () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    let f = e.frame({ ...idle, inputs: [{ type: 'lesson.step', step: 1 }] });
    expect(f.lesson).toMatchObject({ slug, step: 1, steps: logic.steps.length, met: [false] });
    f = e.frame({ ...idle, inputs: [{ type: 'shell.line', line: 'cat /proc/iomem' }] });
    f = e.frame({ ...idle, advanceNs: MS });
    expect(f.lesson?.met).toEqual([true]);
    // Later lines do not undo a met goal.
    f = e.frame({ ...idle, inputs: [{ type: 'shell.line', line: 'dmesg' }], advanceNs: MS });
    expect(f.lesson?.met).toEqual([true]);
  });

  it('"show me" plays its script as simulated time passes, and the page can mirror its log', () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    const log: LogEntry[] = [];
    mirror(log, e.frame({ ...idle, inputs: [{ type: 'lesson.step', step: 2 }] }));
    e.showMe(false);
    let f = e.makeFrame([], null, 0, false, idle);
    mirror(log, f);
    expect(f.lesson?.scriptLeft).toBeGreaterThan(0);
    // The first line runs at once; the second only after the script's 200 ms pause.
    expect(log.filter((x) => x.input.type === 'shell.line')).toHaveLength(1);
    for (let i = 0; i < 30 && (f.lesson?.scriptLeft ?? 0) > 0; i++) {
      f = e.frame({ ...idle, advanceNs: 20 * MS });
      mirror(log, f);
    }
    expect(f.lesson?.scriptLeft).toBe(0);
    f = e.frame({ ...idle, advanceNs: 5 * MS });
    mirror(log, f);
    expect(f.lesson?.met).toEqual([true, true]);
    expect(log).toEqual(e.logEntries);
  });

  it('the learner acting stops a running "show me"', () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    e.frame({ ...idle, inputs: [{ type: 'lesson.step', step: 2 }] });
    e.showMe(false);
    e.frame({ ...idle, inputs: [{ type: 'shell.line', line: 'dmesg' }] });
    const f = e.frame({ ...idle, advanceNs: 500 * MS });
    expect(f.lesson?.scriptLeft).toBe(0);
    expect(e.logEntries.filter((x) => x.input.type === 'shell.line')).toHaveLength(2);
  });

  it('reset step stands where the step began, with the later log dropped', async () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    e.gotoStep(3);
    const startHash = e.hash();
    const startLog = e.logEntries.length;
    const startT = e.now;
    e.showMe(true);
    expect(e.lessonTracker?.met).toEqual([true, true]);
    await e.rewindToStep(3, noYield);
    expect(e.now).toBe(startT);
    expect(e.hash()).toBe(startHash);
    expect(e.logEntries).toHaveLength(startLog);
    expect(e.lessonStatus()).toMatchObject({ step: 3, met: [false, false] });
  });

  it('back returns to the previous step as it began', async () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    e.gotoStep(2);
    const at2 = { t: e.now, hash: e.hash() };
    e.gotoStep(4);
    await e.rewindToStep(2, noYield);
    expect({ t: e.now, hash: e.hash() }).toEqual(at2);
    expect(e.lessonTracker?.step).toBe(2);
  });

  it('a step outside the lesson is refused, and twin-only input needs a twin', () => {
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    const f = e.frame({
      ...idle,
      inputs: [
        { type: 'lesson.step', step: 99 },
        { type: 'twin.only', input: { type: 'fault', kind: 'panic', target: 'host' } },
      ],
    });
    expect(f.applied.map((a) => a.result.ok)).toEqual([false, false]);
    expect(f.lesson?.step).toBe(0);
  });
});
