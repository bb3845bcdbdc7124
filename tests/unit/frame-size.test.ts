import { describe, expect, it } from 'vitest';
import { preset, type Input } from '../../src/sim';
import { MS } from '../../src/sim/time';
import type { Frame, Since } from '../../src/contract';
import { Engine } from '../../src/worker/engine';

const KIB = 1024;
/** The hard ceiling on one frame posted from the worker. */
const CEILING = 256 * KIB;
const enc = new TextEncoder();
const jsonBytes = (x: unknown): number => enc.encode(JSON.stringify(x)).length;

/** Fault inputs queued at some of the 16 ms frames (frame index → inputs). */
const FAULTS: Readonly<Record<number, readonly Input[]>> = {
  10: [{ type: 'fault', kind: 'ipi-flood', from: 'k2', target: 'k1', count: 200 }],
  30: [
    {
      type: 'fault',
      kind: 'ipi-flood',
      from: 'k5',
      target: 'k2',
      count: 500,
      intervalNs: 2000,
      raw: true,
    },
  ],
  50: [{ type: 'fault', kind: 'machine-wide', from: 'k4', op: 'wbinvd' }],
  70: [{ type: 'fault', kind: 'panic', target: 'k6' }],
  75: [{ type: 'instance.exec', name: 'k6' }],
  90: [{ type: 'fault', kind: 'scribble', from: 'k5', target: 'k7', offsetMiB: 0 }],
  110: [{ type: 'fault', kind: 'dma', device: '0000:20:00.0', target: 'k3' }],
  130: [{ type: 'fault', kind: 'lockup', target: 'k2' }],
  131: [{ type: 'instance.kill', name: 'k2' }],
  150: [
    { type: 'fault', kind: 'ipi-flood', from: 'k1', target: 'k3', count: 200 },
    { type: 'fault', kind: 'machine-wide', from: 'k7', op: 'split-lock' },
  ],
};

/** Drive the engine as the bridge does (asking only for what is new) and return each frame's size. */
function frameSizes(twin: boolean): number[] {
  const engine = new Engine({ scenario: preset('datacenter'), seed: 1, twin });
  const sizes: number[] = [];
  let since: Since = { sinceHappening: -1, sinceTraffic: -1, sinceCpuMark: -1 };
  const frame = (inputs: readonly Input[]): Frame => {
    const f = engine.frame({ inputs, advanceNs: 16 * MS, ...since });
    since = {
      sinceHappening: f.happeningHead - 1,
      sinceTraffic: f.trafficHead - 1,
      sinceCpuMark: f.cpuMarkHead - 1,
    };
    sizes.push(jsonBytes(f));
    return f;
  };
  for (let i = 0; i < 200; i++) frame(FAULTS[i] ?? []);
  // A 10,000-message burst (all sent at once), then the frames that follow it.
  const burst: Input = {
    type: 'fault',
    kind: 'ipi-flood',
    from: 'k5',
    target: 'k1',
    count: 10_000,
  };
  const first = frame([burst]);
  expect(first.applied[0]?.result.ok).toBe(true);
  for (let i = 0; i < 30; i++) frame([]);
  return sizes;
}

describe('worker frame size (datacenter preset)', () => {
  it('stays small through faults and a 10,000-message flood', () => {
    // Measured max: 60,288 B, the frame of the 10,000-message burst (250 traffic events of
    // about 180 B each, the per-frame cap, over a 15 KB machine view). Bound: ~2×, a power of two.
    const max = Math.max(...frameSizes(false));
    expect(max).toBeLessThanOrEqual(128 * KIB);
    expect(max).toBeLessThanOrEqual(CEILING);
  });

  it('stays small with the twin on (two machine views per frame)', () => {
    // Measured max: 69,364 B (the burst frame plus the twin's view). Bound: ~2×, a power of two.
    const max = Math.max(...frameSizes(true));
    expect(max).toBeLessThanOrEqual(128 * KIB);
    expect(max).toBeLessThanOrEqual(CEILING);
  });
});
