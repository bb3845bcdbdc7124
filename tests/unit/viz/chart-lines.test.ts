import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../../src/sim';
import {
  CHART_W,
  chartDomain,
  chartPaths,
  HORIZON_NS,
  MIN_SPAN_NS,
  missBars,
  summarise,
  visiblePoints,
  yDomain,
} from '../../../src/viz/chart-lines';

const S = 1_000_000_000;
const pt = (t: number, tput: number, p99 = 0, misses = 0): MetricPoint => ({
  t,
  tput,
  p50: p99 / 2,
  p99,
  errors: 0,
  misses,
});

/** The x,y pairs of an SVG path made of M/L commands. */
function coords(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('chart domains', () => {
  it('share one time domain ending at the current window: whole seconds, 1 s to 10 s', () => {
    expect(chartDomain(0.5 * S, 0.1 * S)).toEqual([0.5 * S - MIN_SPAN_NS, 0.5 * S]);
    expect(chartDomain(5 * S, 0.1 * S)).toEqual([0, 5 * S]);
    // 5.23 s: the window closing at 5.3 s ends the domain; the run so far rounds up to 6 s.
    expect(chartDomain(5.23 * S, 0.1 * S)).toEqual([5.3 * S - 6 * S, 5.3 * S]);
    expect(chartDomain(60 * S, 0.1 * S)).toEqual([60 * S - HORIZON_NS, 60 * S]);
    // Frames inside one window share a domain: the charts stand still between points.
    expect(chartDomain(5.21 * S, 0.1 * S)).toEqual(chartDomain(5.29 * S, 0.1 * S));
  });

  it('round the y domain up from zero, and give an empty series [0, 1]', () => {
    expect(yDomain([])).toEqual([0, 1]);
    expect(yDomain([0, 0])).toEqual([0, 1]);
    expect(yDomain([120, 1830, 900])).toEqual([0, 2000]);
  });

  it('keep the visible points and the one just before the domain', () => {
    const pts = [pt(1, 1), pt(2, 2), pt(3, 3), pt(4, 4)];
    expect(visiblePoints(pts, [2.5, 3.5]).map((p) => p.t)).toEqual([2, 3]);
  });
});

describe('chart paths', () => {
  it('draws throughput across the box, 0 at the bottom and the top of the domain at the top', () => {
    const pts = [pt(1 * S, 0), pt(1.1 * S, 500), pt(1.2 * S, 1000)];
    const c = chartPaths(pts, 'tput', [0.2 * S, 1.2 * S], 40, { withArea: true, pad: 0 });
    expect(c.yMax).toBe(1000);
    const xy = coords(c.line);
    // The run's first point also stands for the window before it (so a lone point draws).
    expect(xy).toHaveLength(4);
    expect(xy[xy.length - 1]).toEqual([CHART_W, 0]);
    expect(xy[1]?.[1]).toBe(40);
    expect(c.area).toMatch(/^M/);
    expect(c.lastX).toBe(CHART_W);
  });

  it('breaks the latency line where nothing completed instead of falling to 0 ns', () => {
    const pts = [pt(1 * S, 900, 200_000), pt(1.1 * S, 0, 0), pt(1.2 * S, 950, 300_000)];
    const c = chartPaths(pts, 'p99', [0.3 * S, 1.2 * S], 30);
    // Two separate runs of line: two M commands.
    expect(c.line.match(/M/g)).toHaveLength(2);
    expect(c.yMax).toBeGreaterThanOrEqual(300_000);
    expect(c.area).toBe('');
  });

  it('after a panic the line falls to 0 and stays there', () => {
    const pts = [pt(1 * S, 1000), pt(1.1 * S, 1000), pt(1.2 * S, 0), pt(1.3 * S, 0)];
    const c = chartPaths(pts, 'tput', [0.3 * S, 1.3 * S], 40, { pad: 0 });
    const xy = coords(c.line);
    expect(xy[xy.length - 1]?.[1]).toBe(40);
    expect(xy[xy.length - 2]?.[1]).toBe(40);
    expect(c.lastY).toBe(40);
  });

  it('draws nothing for an empty series', () => {
    const c = chartPaths([], 'tput', [0, S], 40);
    expect(c).toMatchObject({ line: '', area: '', lastX: null, yMax: 1 });
  });

  it('bars deadline misses per window, only where there were some', () => {
    const pts = [pt(1 * S, 100, 0, 0), pt(1.1 * S, 100, 0, 3), pt(1.2 * S, 100, 0, 6)];
    const { bars, yMax } = missBars(pts, [0.2 * S, 1.2 * S], 20);
    expect(yMax).toBe(6);
    expect(bars.map((b) => b.value)).toEqual([3, 6]);
    expect(bars[1]?.h).toBe(20);
    expect(bars[0]?.h).toBe(10);
    for (const b of bars) expect(b.x + b.w).toBeLessThanOrEqual(CHART_W + 0.001);
  });

  it('summarises latest values, peaks and misses in view', () => {
    const pts = [pt(1 * S, 100, 50, 1), pt(2 * S, 400, 90, 2), pt(3 * S, 200, 70, 0)];
    expect(summarise(pts, [1.5 * S, 3 * S])).toEqual({
      last: pts[2],
      peakTput: 400,
      peakP99: 90,
      misses: 2,
    });
  });
});
