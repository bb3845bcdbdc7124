import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceTo, apply, checkInvariants, replay, traceHash } from '../../src/sim';
import { inFlightMessages } from '../../src/sim/ipi';
import { MS } from '../../src/sim/time';
import { Engine } from '../../src/worker/engine';
import { replayLog } from '../../src/worker/replay-log';
import { program, runProgram, scenario, spawnHandledIpi } from './programs';

const RUNS = 1000;
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('properties of the machine (fast-check, 1,000 runs each)', () => {
  it('generated programs mostly reach an active spawn that handles an IPI', () => {
    const lines: string[] = [];
    fc.statistics(
      fc.tuple(seed, program),
      ([sd, steps]) =>
        spawnHandledIpi(runProgram(scenario(), sd, steps))
          ? 'an active spawn handled an IPI'
          : 'no spawn handled an IPI',
      { numRuns: RUNS, logger: (l) => lines.push(l) },
    );
    console.log(lines.join('\n'));
    const share = Number(
      /an active spawn handled an IPI\.*\s*([\d.]+)%/.exec(lines.join('\n'))?.[1] ?? 0,
    );
    expect(share).toBeGreaterThanOrEqual(50);
  });

  it('invariants hold after every input, and every message has exactly one fate', () => {
    fc.assert(
      fc.property(seed, program, (sd, steps) => {
        const m = runProgram(scenario(), sd, steps, (mm, i) => {
          const bad = checkInvariants(mm);
          if (bad.length)
            throw new Error(`after step ${i} (${steps[i]?.input.type}): ${bad.join('; ')}`);
        });
        expect(checkInvariants(m)).toEqual([]);
        // The audit saw each id once; the ids in flight are exactly the rings' and slots' contents.
        const audit = m.audit ?? new Map();
        expect(audit.size).toBe(m.counters.sent);
        const inFlight = [...audit]
          .filter(([, f]) => f === 'in-flight')
          .map(([id]) => id)
          .sort((x, y) => x - y);
        expect(inFlight).toEqual(
          inFlightMessages(m)
            .map((x) => x.id)
            .sort((x, y) => x - y),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('the same seed and inputs give the same trace hash', () => {
    fc.assert(
      fc.property(seed, program, (sd, steps) => {
        const a = runProgram(scenario(), sd, steps);
        const b = runProgram(scenario(), sd, steps);
        expect(traceHash(a)).toBe(traceHash(b));
        expect(a).toEqual(b);
      }),
      { numRuns: RUNS },
    );
  });

  it('checkpoint, clone, then continue equals continuing', () => {
    fc.assert(
      fc.property(seed, program, fc.nat(), (sd, steps, cut) => {
        const k = cut % (steps.length + 1);
        const base = runProgram(scenario(), sd, steps.slice(0, k));
        const clone = structuredClone(base);
        for (const m of [base, clone]) {
          for (const st of steps.slice(k)) {
            advanceTo(m, m.now + st.dt);
            apply(m, st.input);
          }
          advanceTo(m, m.now + 20 * MS);
        }
        expect(traceHash(clone)).toBe(traceHash(base));
        expect(clone).toEqual(base);
      }),
      { numRuns: RUNS },
    );
  });

  it('seek(t) through the worker engine equals a straight run to t, back and forth', async () => {
    await fc.assert(
      fc.asyncProperty(seed, program, fc.nat(), async (sd, steps, pick) => {
        const s = scenario();
        const e = new Engine({ scenario: s, seed: sd, checkpointEvery: 400 });
        for (const st of steps) {
          e.frame({ inputs: [], advanceNs: st.dt, sinceHappening: -1 }, Number.MAX_SAFE_INTEGER);
          e.frame({ inputs: [st.input], advanceNs: 0, sinceHappening: -1 });
        }
        e.frame({ inputs: [], advanceNs: 20 * MS, sinceHappening: -1 }, Number.MAX_SAFE_INTEGER);
        const end = e.now;
        const endHash = e.hash();
        const log = [...e.logEntries];
        const start = replay(s, sd, [], 0).now;
        const t = start + (pick % Math.max(1, end - start + 1));
        await e.seek(t, async () => {});
        expect(e.now).toBe(t);
        expect(e.hash()).toBe(traceHash(replayLog(s, sd, log, t)));
        // Forward again: the logged inputs are re-applied at their times.
        await e.seek(end, async () => {});
        expect(e.hash()).toBe(endHash);
      }),
      { numRuns: RUNS },
    );
  });
});
