import { describe, expect, it } from 'vitest';
import type { Happening, HappeningKind } from '../../../src/contract';
import { happeningMarks, markPath, stackMarks } from '../../../src/viz/timeline-marks';

const h = (seq: number, t: number, kind: HappeningKind, kernel = 2): Happening => ({
  seq,
  t,
  kind,
  kernel,
  detail: kind === 'instance.state' ? { state: 'active' } : {},
});

describe('happening marks', () => {
  it('keeps boots, halts and crashes inside the window, with faults marked severe', () => {
    const marks = happeningMarks(
      [
        h(1, 50, 'panic'),
        h(2, 120, 'instance.state'),
        h(3, 130, 'workload.start'),
        h(4, 140, 'panic'),
        h(5, 150, 'lockup'),
        h(6, 160, 'mailbox.claim'),
        h(7, 170, 'kill.timeout'),
        h(8, 250, 'panic'),
      ],
      { start: 100, end: 200 },
    );
    expect(marks.map((m) => `${m.kind}:${m.severe}`)).toEqual([
      'state:false',
      'panic:true',
      'lockup:true',
      'claim:false',
      'timeout:true',
    ]);
    expect(marks[0]?.detail).toEqual({ state: 'active' });
  });

  it('has a distinct glyph for each kind', () => {
    const paths = (['panic', 'lockup', 'state', 'claim', 'timeout'] as const).map((k) =>
      markPath(k, 12),
    );
    expect(new Set(paths).size).toBe(5);
    for (const p of paths) expect(p).toMatch(/^M/);
  });

  it('stacks marks that would overlap into a second row', () => {
    expect(stackMarks([0, 5, 30, 33, 36], 10)).toEqual([0, 1, 0, 1, 1]);
    expect(stackMarks([0, 20, 40], 10)).toEqual([0, 0, 0]);
  });
});
