// Writes the committed replay-link fixtures (tests/fixtures/links/): each `<name>.txt` is a link
// made by the app's own codec from a run driven through the engine, and `<name>.expect.json`
// holds the simulated time and state hash that link must open to. Committed links must keep
// opening (DESIGN §7): regenerate only on purpose, with an engine version bump.
//   npx tsx scripts/make-link-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { LESSONS } from '../src/lessons';
import { preset } from '../src/sim/presets';
import { MS } from '../src/sim/time';
import { createSimApi } from '../src/worker/api';
import {
  ENGINE_VERSION,
  REPLAY_SCHEMA,
  type LabInput,
  type Replay,
  type ReplayConfig,
} from '../src/contract';
import { Engine } from '../src/worker/engine';
import { replayUrl } from '../src/features/sharing/replay-link';

const DIR = 'tests/fixtures/links';

/** Run the engine as the page does: frames of at most the budget until `t` is reached. */
function runTo(e: Engine, t: number, inputs: readonly LabInput[] = []): void {
  let first = true;
  while (e.now < t) {
    e.frame({ inputs: first ? inputs : [], advanceNs: t - e.now, sinceHappening: -1 });
    first = false;
  }
}

async function write(
  name: string,
  e: Engine,
  config: ReplayConfig,
  step: number | null,
): Promise<void> {
  const replay: Replay = {
    schema: REPLAY_SCHEMA,
    engine: ENGINE_VERSION,
    config,
    log: [...e.logEntries],
  };
  const url = replayUrl('/', replay, { t: e.now, step, lang: 'en' });
  const expect = { t: e.now, hash: e.hash(), step, engine: ENGINE_VERSION };
  // The link must open to this state in the worker's own init path before it is committed.
  const api = createSimApi();
  const start = config.lesson
    ? { scenario: 'two-kernels' as const, seed: config.seed, lesson: config.lesson }
    : { scenario: config.scenario ?? 'two-kernels', seed: config.seed };
  const boot = await api.init({ ...start, log: replay.log, t: e.now });
  if (!boot.ok || boot.frame.t !== expect.t || api.hash() !== expect.hash)
    throw new Error(`${name} does not replay`);
  writeFileSync(`${DIR}/${name}.txt`, `${url}\n`);
  writeFileSync(`${DIR}/${name}.expect.json`, `${JSON.stringify(expect, null, 2)}\n`);
  console.log(`${name}: t=${expect.t} hash=${expect.hash} link=${url.length} chars`);
}

mkdirSync(DIR, { recursive: true });

// A lesson mid-step: crash-containment at step 3 (db panicked), then rewound 40 ms.
{
  const slug = 'crash-containment';
  const e = new Engine({ scenario: LESSONS[slug].scenario, seed: 1, lesson: slug });
  e.gotoStep(2);
  runTo(e, e.now + 20 * MS, [{ type: 'fault', kind: 'panic', target: 'db' }]);
  runTo(e, e.now + 120 * MS);
  await e.seek(e.now - 40 * MS, () => Promise.resolve());
  await write('lesson-crash-containment-step3', e, { lesson: slug, seed: 1 }, 2);
}

// A preset after a panic: web-db, seed 42, db panics at 100 ms, 250 ms later.
{
  const e = new Engine({ scenario: preset('web-db'), seed: 42 });
  runTo(e, e.now + 100 * MS);
  runTo(e, e.now + 250 * MS, [{ type: 'fault', kind: 'panic', target: 'db' }]);
  await write('preset-web-db-panic', e, { scenario: 'web-db', seed: 42, twin: false }, null);
}
