import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  MAX_LOG,
  MAX_REPLAY_CHARS,
  REPLAY_SCHEMA,
  type LabInput,
  type LogEntry,
  type Replay,
} from '../../src/contract';
import { inputLog } from '../../src/contract/validate/log';
import { readReplayLink, replayUrl } from '../../src/features/sharing/replay-link';
import {
  parseScenarioFile,
  scenarioFileText,
  scenarioOf,
} from '../../src/features/sharing/scenario-file';
import { preset } from '../../src/sim';
import { S } from '../../src/sim/time';
import { createSimApi } from '../../src/worker/api';
import { Engine } from '../../src/worker/engine';
import { anyInput } from './programs';

// Issue 11: every state an hour of use reaches saves and loads again. A run is driven as the
// page drives the worker (frames of inputs and time, now and then a rewind that forks), up to
// an hour's log (`MAX_LOG` inputs); its log then goes through a scenario file — and a link when
// it is short enough, else the link is refused naming its size, which is when the Share dialog
// offers the file — and the worker's own start path replays it to the same time and state hash.

const ONE_ENTRY = inputLog(null);
/** Inputs the page can make: what the contract's checks take (a form never sends the rest). */
const valid = (input: LabInput) => ONE_ENTRY.safeParse([{ atNs: 0, input }]).success;
const SHELL = ['kerf show', 'cat /proc/interrupts', 'dmesg', 'kerf kill alpha', 'no such tool'];
const labInput: fc.Arbitrary<LabInput> = fc.oneof(
  { weight: 4, arbitrary: anyInput.filter(valid) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...SHELL).map((line): LabInput => ({ type: 'shell.line', line })),
  },
);

/**
 * How an hour of use went: how many inputs, in how many frames (the page's are a sixtieth of a
 * second; these stand for bursts of them, so a test runs hundreds, not hundreds of thousands),
 * and how often a rewind came.
 */
const useArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  inputs: fc.integer({ min: 1, max: MAX_LOG }),
  inputSeed: fc.integer(),
  frames: fc.integer({ min: 1, max: 300 }),
  rewindEvery: fc.option(fc.integer({ min: 5, max: 40 }), { nil: null }),
});
type Use = typeof useArb extends fc.Arbitrary<infer U> ? U : never;

const SCENARIO = preset('two-kernels');
/** Simulated time the whole run covers: long logs, but a replay that stays a test's length. */
const SPAN_NS = 2 * S;

async function drive(use: Use): Promise<Engine> {
  const inputs = fc.sample(labInput, { seed: use.inputSeed, numRuns: use.inputs });
  const e = new Engine({ scenario: SCENARIO, seed: use.seed });
  const perFrame = Math.ceil(inputs.length / use.frames);
  const advanceNs = Math.floor(SPAN_NS / use.frames);
  for (let f = 0; f < use.frames; f++) {
    const batch = inputs.slice(f * perFrame, (f + 1) * perFrame);
    e.frame({ inputs: batch, advanceNs, sinceHappening: -1 });
    if (use.rewindEvery !== null && f % use.rewindEvery === use.rewindEvery - 1)
      await e.seek(Math.max(0, e.now - 3 * advanceNs), () => Promise.resolve());
  }
  return e;
}

/** Replay `log` to `t` through the worker's own start path; its time and state hash. */
async function replayed(seed: number, log: readonly LogEntry[], t: number) {
  const api = createSimApi();
  const boot = await api.init({ scenario: SCENARIO, seed, log, t });
  if (!boot.ok) throw new Error(boot.refusal.message);
  expect(boot.stopped).toBeNull();
  return { t: boot.frame.t, hash: api.hash() };
}

describe('an hour of use saves and loads again', () => {
  it('its log round-trips through a file (and a link when short enough) to the same state', async () => {
    await fc.assert(
      fc.asyncProperty(useArb, async (use) => {
        const live = await drive(use);
        const log = live.logEntries;
        const state = { t: live.now, hash: live.hash() };
        expect(log.length).toBeLessThanOrEqual(MAX_LOG);

        const text = scenarioFileText({
          schema: 'mklab.scenario',
          v: 1,
          name: 'an hour',
          seed: use.seed,
          ...SCENARIO,
          log,
          t: live.now,
        });
        const file = parseScenarioFile(text);
        if (!file.ok) throw new Error(JSON.stringify(file.problem));
        expect(file.value.log).toEqual(log);
        expect(scenarioOf(file.value)).toEqual(SCENARIO);
        expect(await replayed(file.value.seed, file.value.log ?? [], file.value.t ?? 0)).toEqual(
          state,
        );

        const replay: Replay = {
          schema: REPLAY_SCHEMA,
          engine: ENGINE_VERSION,
          config: { scenario: 'two-kernels' as const, seed: use.seed },
          log,
        };
        const url = new URL(
          replayUrl('https://lab.test/', replay, { t: live.now, step: null, lang: 'en' }),
        );
        const link = readReplayLink(url.search, url.hash);
        const payload = url.hash.length - '#r='.length;
        if (payload > MAX_REPLAY_CHARS) {
          // Too long to open: refused naming its size (the Share dialog offers the file).
          expect(link).toMatchObject({ ok: false, problem: { path: 'r', code: 'too-big' } });
          return;
        }
        if (!link?.ok) throw new Error(JSON.stringify(link?.problem));
        expect(link.value.replay.log).toEqual(log);
        expect(
          await replayed(link.value.replay.config.seed, link.value.replay.log, link.value.t),
        ).toEqual(state);
      }),
      {
        seed: 20_251_111,
        numRuns: 4,
        // The longest log an hour makes, rewound often, and one a link still carries, always run.
        examples: [
          [{ seed: 7, inputs: MAX_LOG, inputSeed: 1, frames: 300, rewindEvery: 9 }],
          [{ seed: 3, inputs: 1500, inputSeed: 2, frames: 300, rewindEvery: null }],
        ],
      },
    );
  }, 120_000);
});
