import { describe, expect, it } from 'vitest';
import type { TrafficEvent, TrafficKind } from '../../../src/sim';
import {
  AGGREGATE_OVER,
  AGGREGATE_UNDER,
  ipiScene,
  shouldAggregate,
  timingFor,
  type IpiGeometry,
  type IpiTiming,
} from '../../../src/viz/machine-ipi';

// Two kernels: host (0) with CPU 0 at x 0–100, alpha (1) with CPU 4 at x 400–500; rings above.
const CELLS: Record<number, { x: number; y: number; w: number; h: number }> = {
  0: { x: 0, y: 100, w: 100, h: 50 },
  4: { x: 400, y: 100, w: 100, h: 50 },
};
const RINGS: Record<number, { x: number; y: number }> = { 0: { x: 50, y: 0 }, 1: { x: 450, y: 0 } };
const geo: IpiGeometry = {
  cell: (id) => CELLS[id],
  ring: (o) => RINGS[o],
  obstacles: [],
  width: 500,
};
const timing: IpiTiming = { legNs: 1000, fadeNs: 2000, windowNs: 10_000 };
/** Where dots leave and reach a cell: its middle, low down. */
const PORT_0 = { x: 50, y: 100 + 50 * 0.68 };
const PORT_4 = { x: 450, y: 100 + 50 * 0.68 };

let seq = 0;
function ev(kind: TrafficKind, t: number, over: Partial<TrafficEvent> = {}): TrafficEvent {
  return {
    seq: seq++,
    t,
    kind,
    id: 1,
    from: 0,
    to: 1,
    cpu: kind === 'deliver' ? 4 : 0,
    category: 'USER',
    subtype: 'req',
    reason: '',
    ...over,
  };
}
const scene = (traffic: TrafficEvent[], now: number, asArrows = false) =>
  ipiScene(traffic, geo, { now, timing, asArrows });

describe('IPI dots follow the simulation clock', () => {
  const send = ev('send', 10_000);
  const deliver = ev('deliver', 10_500);

  it('leave the sending CPU and reach the target ring after one leg', () => {
    expect(scene([send], 10_000).dots[0]).toMatchObject({ ...PORT_0, opacity: 1, waiting: false });
    const half = scene([send], 10_500).dots[0];
    expect(half?.x).toBeCloseTo((PORT_0.x + RINGS[1]!.x) / 2);
    expect(half?.y).toBeCloseTo(PORT_0.y / 2);
    expect(scene([send], 11_000).dots[0]).toMatchObject({ ...RINGS[1], waiting: true });
  });

  it('wait at the ring until handled, then go on to the handling CPU and fade there', () => {
    // Handled at 10.5 µs, but the dot reaches the ring only at 11 µs: it goes on from then.
    expect(scene([send, deliver], 11_000).dots[0]).toMatchObject({ ...RINGS[1], waiting: false });
    const on = scene([send, deliver], 11_500).dots[0];
    expect(on?.x).toBeCloseTo(450);
    expect(on?.y).toBeCloseTo(PORT_4.y / 2);
    expect(scene([send, deliver], 12_000).dots[0]).toMatchObject({ ...PORT_4, opacity: 1 });
    expect(scene([send, deliver], 13_000).dots[0]?.opacity).toBeCloseTo(0.5);
    expect(scene([send, deliver], 14_000).dots).toEqual([]);
  });

  it('stand still when the clock does (pause) and rewind with it (seek)', () => {
    const a = scene([send, deliver], 11_700).dots;
    expect(scene([send, deliver], 11_700).dots).toEqual(a);
    expect(scene([send], 10_500).dots[0]?.x).toBeLessThan(a[0]?.x ?? 0);
  });

  it('fade at the ring when overwritten or dropped there', () => {
    const over = ev('overwrite', 11_000, { cpu: 4, reason: 'overwritten' });
    expect(scene([send, over], 12_000).dots[0]).toMatchObject({ ...RINGS[1], opacity: 0.5 });
    expect(scene([send, over], 13_100).dots).toEqual([]);
  });

  it('leave out traffic older than the window', () => {
    expect(scene([ev('send', 0)], 10_001).dots).toEqual([]);
    expect(scene([ev('send', 0)], 9_999).dots).toHaveLength(1);
  });
});

describe('markers, flashes and aggregation', () => {
  it('mark a refused send at the sender with its reason, counting repeats', () => {
    const rejects = [1, 2, 3].map((i) => ev('reject', 10_000 + i, { id: i, reason: 'ENOSPC' }));
    const { markers, dots } = scene(rejects, 10_100);
    expect(dots).toEqual([]);
    expect(markers).toEqual([
      expect.objectContaining({ kind: 'reject', reason: 'ENOSPC', count: 3, x: 50, y: 100 }),
    ]);
  });

  it('mark a ring reset at the target ring and forget markers after their life', () => {
    const drop = ev('drop', 10_000, { cpu: -1, reason: 'ring-reset' });
    expect(scene([drop], 10_000).markers[0]).toMatchObject({ ...RINGS[1], reason: 'ring-reset' });
    expect(scene([drop], 13_001).markers).toEqual([]);
  });

  it('flash the target CPU of bare IPIs', () => {
    const ipis = [0, 1, 2].map((i) => ev('ipi', 10_000 + i, { id: -1, cpu: 4 }));
    const { flashes } = scene(ipis, 10_010);
    expect(flashes).toHaveLength(1);
    expect(flashes[0]).toMatchObject({ cpu: 4, count: 3, rect: CELLS[4] });
  });

  it('draw one arrow per pair of kernels, with its count, when asked', () => {
    const many = Array.from({ length: 80 }, (_, i) => ev('send', 10_000 + i, { id: i }));
    const back = Array.from({ length: 5 }, (_, i) =>
      ev('send', 10_000 + i, { id: 100 + i, from: 1, to: 0, cpu: 4 }),
    );
    const individual = scene([...many, ...back], 10_200);
    expect(individual.dots).toHaveLength(85);
    expect(individual.arrows).toEqual([]);
    const arrows = scene([...many, ...back], 10_200, true);
    expect(arrows.dots).toEqual([]);
    expect(arrows.candidates).toBe(85);
    expect(arrows.arrows.map((a) => [a.key, a.count])).toEqual([
      ['0>1', 80],
      ['1>0', 5],
    ]);
    const [thick, thin] = arrows.arrows;
    expect(thick!.width).toBeGreaterThan(thin!.width);
    // Their counts do not cover each other, nor the text they were told to avoid.
    const box = (m: { x: number; y: number }) => ({ x: m.x - 20, y: m.y - 11, w: 40, h: 22 });
    const [p, q] = [box(thick!.mid), box(thin!.mid)];
    expect(p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h).toBe(false);
    const avoid = { x: 200, y: 0, w: 100, h: 200 };
    const moved = ipiScene(
      [...many],
      { ...geo, obstacles: [avoid] },
      { now: 10_200, timing, asArrows: true },
    );
    const mid = moved.arrows[0]!.mid;
    expect(mid.x < avoid.x || mid.x > avoid.x + avoid.w).toBe(true);
  });

  it('place the counts of many arrows where none covers another', () => {
    // A row of 40 kernels, every one sending to the next: 39 arrows in a strip 2,000 px wide.
    const rings = new Map(Array.from({ length: 40 }, (_, k) => [k, { x: 25 + k * 50, y: 60 }]));
    const wide: IpiGeometry = {
      cell: () => undefined,
      ring: (o) => rings.get(o),
      obstacles: [],
      width: 2000,
    };
    const traffic = Array.from({ length: 39 * 3 }, (_, i) =>
      ev('send', 10_000 + i, { id: 1000 + i, from: i % 39, to: (i % 39) + 1, cpu: -1 }),
    );
    const { arrows } = ipiScene(traffic, wide, { now: 10_200, timing, asArrows: true });
    expect(arrows).toHaveLength(39);
    const boxes = arrows
      .filter((a) => a.labelled)
      .map((a) => ({ x: a.mid.x - 20, y: a.mid.y - 11 }));
    expect(boxes.length).toBeGreaterThan(10);
    for (const [i, p] of boxes.entries())
      for (const q of boxes.slice(i + 1))
        expect(Math.abs(p.x - q.x) < 40 && Math.abs(p.y - q.y) < 22).toBe(false);
  });

  it('aggregate above the limit and go back only well below it', () => {
    expect(shouldAggregate(AGGREGATE_OVER, false)).toBe(false);
    expect(shouldAggregate(AGGREGATE_OVER + 1, false)).toBe(true);
    expect(shouldAggregate(AGGREGATE_UNDER, true)).toBe(true);
    expect(shouldAggregate(AGGREGATE_UNDER - 1, true)).toBe(false);
  });

  it('scale trip timing with playback speed, keeping slow speeds long enough for a wait', () => {
    const fast = timingFor(10_000_000);
    expect(fast.legNs).toBeCloseTo(4_500_000);
    expect(fast.windowNs).toBeGreaterThan(2 * fast.legNs + fast.fadeNs);
    expect(timingFor(1).windowNs).toBeGreaterThanOrEqual(20_000);
  });
});
