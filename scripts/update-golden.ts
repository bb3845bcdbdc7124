// Regenerates tests/golden/trace-hashes.json. Run only when the model changes on purpose
// (`npx tsx scripts/update-golden.ts`), and say why in the commit: old replay links change too.
import { writeFileSync } from 'node:fs';
import { GOLDEN_LOG, GOLDEN_SEEDS, GOLDEN_UNTIL, preset, replay, traceHash } from '../src/sim';

const seeds: Record<string, { hash: string; events: number }> = {};
for (const seed of GOLDEN_SEEDS) {
  const m = replay(preset('datacenter'), seed, GOLDEN_LOG, GOLDEN_UNTIL);
  seeds[String(seed)] = { hash: traceHash(m), events: m.counters.events };
  console.log(seed, seeds[String(seed)]);
}
const out = { preset: 'datacenter', untilNs: GOLDEN_UNTIL, seeds };
writeFileSync('tests/golden/trace-hashes.json', JSON.stringify(out, null, 2) + '\n');
