import { describe, expect, it } from 'vitest';
import type { CpuMark, CpuState } from '../../../src/sim';
import {
  cpuEvents,
  groupLanes,
  laneHeight,
  laneSegments,
  layoutLanes,
} from '../../../src/viz/timeline-lanes';

let seq = 0;
const mark = (t: number, cpu: number, state: CpuState, owner: number): CpuMark => ({
  seq: seq++,
  t,
  cpu,
  state,
  owner,
});

describe('lane groups', () => {
  it('puts the host first, spawns by id, the pool last, CPUs in order', () => {
    const groups = groupLanes([
      { id: 7, owner: 2 },
      { id: 0, owner: 0 },
      { id: 5, owner: -1 },
      { id: 6, owner: 2 },
      { id: 4, owner: 1 },
      { id: 1, owner: 0 },
    ]);
    expect(groups).toEqual([
      { owner: 0, cpus: [0, 1] },
      { owner: 1, cpus: [4] },
      { owner: 2, cpus: [6, 7] },
      { owner: -1, cpus: [5] },
    ]);
  });

  it('stacks a header above each group and finds each lane middle', () => {
    const layout = layoutLanes(
      [
        { owner: 0, cpus: [0, 1] },
        { owner: 1, cpus: [4] },
      ],
      20,
      24,
    );
    expect(layout.rows.map((r) => `${r.kind}@${r.y}`)).toEqual([
      'group@0',
      'lane@24',
      'lane@44',
      'group@64',
      'lane@88',
    ]);
    expect(layout.mid.get(0)).toBe(34);
    expect(layout.mid.get(4)).toBe(98);
    expect(layout.height).toBe(108);
  });

  it('keeps lanes tall enough for 12 px labels even on a 64-CPU machine', () => {
    expect(laneHeight(8)).toBeGreaterThan(laneHeight(64));
    expect(laneHeight(64)).toBeGreaterThanOrEqual(14);
  });
});

describe('lane segments', () => {
  const cpus = [
    { id: 0, owner: 0, state: 'online' as const },
    { id: 4, owner: 1, state: 'online' as const },
  ];

  it('colours the window start from a mark before the window', () => {
    const marks = [mark(0, 0, 'online', 0), mark(10, 4, 'parked', -1), mark(50, 4, 'booting', 1)];
    const segs = laneSegments(marks, { start: 40, end: 100 }, cpus);
    expect(segs.get(4)).toEqual([
      { cpu: 4, start: 40, end: 50, state: 'parked', owner: -1 },
      { cpu: 4, start: 50, end: 100, state: 'booting', owner: 1 },
    ]);
    expect(segs.get(0)).toEqual([{ cpu: 0, start: 40, end: 100, state: 'online', owner: 0 }]);
  });

  it('runs each segment from one mark to the next and ignores marks after the window', () => {
    const marks = [
      mark(0, 4, 'parked', -1),
      mark(60, 4, 'booting', 1),
      mark(70, 4, 'online', 1),
      mark(150, 4, 'halted', 1),
    ];
    const segs = laneSegments(marks, { start: 50, end: 100 }, cpus).get(4) ?? [];
    expect(segs.map((s) => [s.start, s.end, s.state])).toEqual([
      [50, 60, 'parked'],
      [60, 70, 'booting'],
      [70, 100, 'online'],
    ]);
  });

  it('takes the state now for a CPU with no mark, and draws nothing before a first late mark', () => {
    const segs = laneSegments([mark(80, 4, 'halted', 1)], { start: 50, end: 100 }, cpus);
    expect(segs.get(0)).toEqual([{ cpu: 0, start: 50, end: 100, state: 'online', owner: 0 }]);
    expect(segs.get(4)).toEqual([{ cpu: 4, start: 80, end: 100, state: 'halted', owner: 1 }]);
  });

  it('merges marks that repeat the same state and owner, and drops empty stretches', () => {
    const marks = [mark(10, 4, 'online', 1), mark(20, 4, 'online', 1), mark(20, 4, 'halted', 1)];
    const segs = laneSegments(marks, { start: 0, end: 30 }, cpus).get(4) ?? [];
    expect(segs.map((s) => [s.start, s.end, s.state])).toEqual([
      [10, 20, 'online'],
      [20, 30, 'halted'],
    ]);
  });

  it('marks boots and halts inside the window only, once per transition', () => {
    const marks = [
      mark(5, 4, 'booting', 1),
      mark(20, 4, 'online', 1),
      mark(40, 4, 'halted', 1),
      mark(45, 4, 'halted', 1),
      mark(60, 6, 'booting', 2),
    ];
    expect(
      cpuEvents(marks, { start: 10, end: 50 }).map((e) => `${e.kind}:${e.cpu}@${e.t}`),
    ).toEqual(['halt:4@40']);
    expect(cpuEvents(marks, { start: 0, end: 100 }).map((e) => e.kind)).toEqual([
      'boot',
      'halt',
      'boot',
    ]);
  });
});
