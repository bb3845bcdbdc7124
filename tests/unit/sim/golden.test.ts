import { describe, expect, it } from 'vitest';
import golden from '../../golden/trace-hashes.json';
import {
  checkInvariants,
  EVENT_NAMES,
  FAULT_KINDS,
  GOLDEN_LOG,
  GOLDEN_SEEDS,
  GOLDEN_UNTIL,
  preset,
  replay,
  traceHash,
} from '../../../src/sim';

const expected = golden.seeds as Record<string, { hash: string; events: number }>;

describe('golden trace hashes (the busy 64-CPU, 8-kernel preset)', () => {
  for (const seed of GOLDEN_SEEDS) {
    it(`seed ${seed} reproduces its committed hash, with every event kind and fault`, () => {
      const m = replay(preset('datacenter'), seed, GOLDEN_LOG, GOLDEN_UNTIL);
      expect(m.counters.events).toBeGreaterThanOrEqual(100_000);
      EVENT_NAMES.forEach((name, k) =>
        expect([name, (m.counters.byKind[k] ?? 0) > 0]).toEqual([name, true]),
      );
      for (const f of FAULT_KINDS) expect([f, m.counters.faults[f] > 0]).toEqual([f, true]);
      expect(m.counters.fates['rejected-enospc']).toBeGreaterThan(0);
      expect(checkInvariants(m)).toEqual([]);
      expect({ hash: traceHash(m), events: m.counters.events }).toEqual(expected[String(seed)]);
    });
  }
  it('different seeds give different traces', () => {
    expect(new Set(Object.values(expected).map((e) => e.hash)).size).toBe(GOLDEN_SEEDS.length);
  });
});
