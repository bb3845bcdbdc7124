import { describe, expect, it } from 'vitest';
import type { TrafficEvent, TrafficKind } from '../../../src/sim';
import {
  arrowPaths,
  arrowSegments,
  bundleWidth,
  nearestArrow,
} from '../../../src/viz/timeline-arrow-paths';
import { pairTraffic, type Arrow } from '../../../src/viz/timeline-arrows';
import { AGGREGATE_OVER, binByColumn, planArrows } from '../../../src/viz/timeline-bundles';

let seq = 0;
function ev(kind: TrafficKind, t: number, id: number, cpu: number, reason = ''): TrafficEvent {
  return {
    seq: seq++,
    t,
    kind,
    id,
    from: 0,
    to: 1,
    cpu,
    category: 'USER',
    subtype: 'req',
    reason,
  };
}

const WIN = { start: 100, end: 200 };

describe('pairing sends with deliveries', () => {
  it('draws each message from its send (t, CPU) to its delivery (same id)', () => {
    const send = ev('send', 120, 7, 0);
    const other = ev('send', 121, 8, 1);
    const { arrows } = pairTraffic([send, other, ev('deliver', 125, 7, 4)], WIN);
    const a = arrows.find((x) => x.id === 7);
    expect(a).toMatchObject({ seq: send.seq, t0: 120, cpu0: 0, t1: 125, cpu1: 4, end: 'deliver' });
    // The other one has not arrived yet: still in flight.
    expect(arrows.find((x) => x.id === 8)).toMatchObject({ end: 'pending', t1: 121, cpu1: 1 });
  });

  it('keeps an arrow that crosses the window edge and drops ones wholly outside', () => {
    const { arrows } = pairTraffic(
      [
        ev('send', 90, 1, 0),
        ev('deliver', 105, 1, 4), // crosses the start
        ev('send', 50, 2, 0),
        ev('deliver', 60, 2, 4), // before
        ev('send', 210, 3, 0),
        ev('deliver', 215, 3, 4), // after
      ],
      WIN,
    );
    expect(arrows.map((a) => a.id)).toEqual([1]);
  });

  it('ignores a delivery whose send the page never saw', () => {
    const { arrows } = pairTraffic([ev('deliver', 150, 9, 4)], WIN);
    expect(arrows).toEqual([]);
  });

  it('turns refusals into fate marks, and ends a later-lost message at its fate', () => {
    const send = ev('send', 110, 5, 0);
    const traffic = [
      ev('reject', 120, 4, 0, 'ENOSPC'),
      send,
      ev('drop', 150, 5, -1, 'ring-reset'),
      ev('send', 160, 6, 0),
      ev('overwrite', 170, 6, 4, 'overwritten'),
    ];
    const { arrows, fates } = pairTraffic(traffic, WIN);
    expect(fates.map((f) => `${f.kind}:${f.reason}@${f.cpu}`)).toEqual([
      'reject:ENOSPC@0',
      'drop:ring-reset@0', // no CPU of its own: at the sender's
      'overwrite:overwritten@4',
    ]);
    // A refused message has no send: selecting it uses its own event.
    expect(fates[0]?.messageSeq).toBe(traffic[0]?.seq);
    expect(fates[1]?.messageSeq).toBe(send.seq);
    expect(arrows.map((a) => `${a.id}:${a.end}`)).toEqual(['5:fate', '6:fate']);
  });

  it('collects bare IPIs at their CPU', () => {
    const { ipis, arrows } = pairTraffic([ev('ipi', 150, -1, 6), ev('ipi', 300, -1, 6)], WIN);
    expect(ipis).toHaveLength(1);
    expect(ipis[0]).toMatchObject({ t: 150, cpu: 6 });
    expect(arrows).toEqual([]);
  });
});

describe('aggregation', () => {
  const arrow = (i: number, cpu0: number, cpu1: number, t0: number): Arrow => ({
    seq: i,
    id: i,
    from: 0,
    to: 1,
    t0,
    cpu0,
    t1: t0 + 2,
    cpu1,
    end: 'deliver',
    category: 'USER',
    subtype: 'req',
  });
  const x = (t: number) => t; // 1 ns per px

  it('draws each arrow up to the threshold', () => {
    const arrows = Array.from({ length: AGGREGATE_OVER }, (_, i) => arrow(i, 0, 4, i));
    const plan = planArrows(arrows, x);
    expect(plan.mode).toBe('each');
    if (plan.mode === 'each') expect(plan.arrows).toHaveLength(AGGREGATE_OVER);
  });

  it('bundles per CPU pair per column beyond it, counting every arrow once', () => {
    const arrows = [
      ...Array.from({ length: 200 }, (_, i) => arrow(i, 0, 4, Math.floor(i / 10) * 4)),
      ...Array.from({ length: 200 }, (_, i) => arrow(1000 + i, 4, 0, Math.floor(i / 10) * 4)),
    ];
    const plan = planArrows(arrows, x, AGGREGATE_OVER, 4);
    expect(plan.mode).toBe('bundled');
    if (plan.mode !== 'bundled') return;
    expect(plan.total).toBe(400);
    expect(plan.bundles).toHaveLength(40); // 20 columns × 2 directions
    expect(plan.bundles.reduce((n, b) => n + b.count, 0)).toBe(400);
    const first = plan.bundles.find((b) => b.cpu0 === 0 && b.column === 0);
    expect(first).toMatchObject({ count: 10, seq: 9, t0: 0, t1: 2 });
  });

  it('widens bundles slowly and caps them', () => {
    expect(bundleWidth(1)).toBe(1);
    expect(bundleWidth(4)).toBeGreaterThan(bundleWidth(2));
    expect(bundleWidth(1_000_000)).toBe(4);
  });

  it('thins point marks to one per CPU per column, keeping the newest and the count', () => {
    const items = [
      { t: 10, cpu: 1, n: 'a' },
      { t: 11, cpu: 1, n: 'b' },
      { t: 11, cpu: 2, n: 'c' },
      { t: 40, cpu: 1, n: 'd' },
    ];
    const bins = binByColumn(items, (t) => t, 3);
    expect(bins.map((b) => `${b.item.n}×${b.count}`)).toEqual(['b×2', 'c×1', 'd×1']);
  });
});

describe('arrow geometry', () => {
  const mid = new Map([
    [0, 10],
    [4, 50],
  ]);
  const a = (seq: number, t0: number, cpu0: number, t1: number, cpu1: number): Arrow => ({
    seq,
    id: seq,
    from: 0,
    to: 1,
    t0,
    cpu0,
    t1,
    cpu1,
    end: 'deliver',
    category: 'USER',
    subtype: 'req',
  });

  it('places arrows on their lanes, skips lanes not drawn, and makes pending sends dots', () => {
    const pending = { ...a(3, 30, 0, 30, 0), end: 'pending' as const };
    const segs = arrowSegments(
      { mode: 'each', arrows: [a(1, 10, 0, 12, 4), a(2, 20, 0, 22, 9), pending] },
      (t) => t * 2,
      mid,
    );
    expect(segs.map((s) => [s.seq, s.x0, s.y0, s.x1, s.y1, s.dot])).toEqual([
      [1, 20, 10, 24, 50, false],
      [3, 60, 10, 60, 10, true],
    ]);
  });

  it('draws every arrow in one path per width, with a head at each end and dots apart', () => {
    const segs = arrowSegments(
      { mode: 'each', arrows: [a(1, 10, 0, 10, 4), a(2, 20, 4, 20, 0)] },
      (t) => t,
      mid,
    );
    const paths = arrowPaths(segs, 6);
    expect(paths.lines).toHaveLength(1);
    // Two sub-paths; the first stops short of its end (y 50) to leave room for the head.
    expect(paths.lines[0]?.d).toBe('M10,10L10,42.8M20,50L20,17.3');
    expect(paths.heads.match(/M/g)).toHaveLength(2);
    expect(paths.heads.startsWith('M10,50L')).toBe(true);
    expect(paths.dots).toBe('');
  });

  it('finds the arrow under the pointer, within a few px of its line, or none', () => {
    const segs = arrowSegments(
      { mode: 'each', arrows: [a(1, 10, 0, 10, 4), a(2, 40, 0, 40, 4)] },
      (t) => t,
      mid,
    );
    expect(nearestArrow(segs, 12, 30)?.seq).toBe(1);
    expect(nearestArrow(segs, 37, 30)?.seq).toBe(2);
    expect(nearestArrow(segs, 25, 30)).toBeNull();
    expect(nearestArrow(segs, 10, 70)).toBeNull();
  });
});
