// npm run test:perf — npm test's performance gate (issue 14), on the dist/ the build step made and
// test:size checked, served gzip as a static host serves it:
//   1. Lighthouse (mobile defaults) on the first screen and on a lesson's step, 3 runs each, with
//      the budgets of scripts/lighthouse-run.ts (npm run audit covers all four pages);
//   2. the busy preset playing 10 s with the CPU slowed 4× (scripts/play-measure.ts).
// The seek figure is test:seek's (scripts/bench.ts --seek). Each figure is printed beside its
// budget; exit 1 when one misses.
// This 2-core VM's speed moves from minute to minute (the same build's Lighthouse score by 5–8
// points between sets, the slowed play's late frames 1–11 %: docs/architecture.md, Measurements).
// So a page or a play that misses is measured again, up to ATTEMPTS times in all, every attempt
// printed, and the gate fails when every attempt missed: a regression misses in each of them.
import { existsSync } from 'node:fs';
import { requireChromium } from '../tests/e2e/find-chromium';
import { serveStatic } from '../tests/e2e/static-server';
import { auditPage, GATE_PAGES, RUNS } from './lighthouse-run';
import { measure, SCHOOL, schoolUrl, schoolVerdict } from './play-measure';

const DIST = 'dist';
const ATTEMPTS = { lighthouse: 3, play: 3 } as const;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`test:perf: no ${DIST}/index.html — build first (npm run build)`);
  process.exit(1);
}
const chromePath = requireChromium();
const server = await serveStatic(DIST, '/', () => ({}), { gzip: true });
const missed: string[] = [];

/** Measures until an attempt holds or `attempts` run out; then the name is kept as missed. */
async function gate(
  name: string,
  attempts: number,
  once: () => Promise<{ lines: readonly string[]; ok: boolean }>,
): Promise<void> {
  for (let i = 1; i <= attempts; i++) {
    console.log(`  ${name}${attempts > 1 ? ` (attempt ${i} of ${attempts})` : ''}`);
    const { lines, ok } = await once();
    for (const line of lines) console.log(line);
    if (ok) return;
  }
  missed.push(name);
}

try {
  console.log(`Lighthouse 12.8.2, mobile defaults, served gzip, ${RUNS} runs per page:`);
  for (const page of GATE_PAGES) {
    await gate(page || '/', ATTEMPTS.lighthouse, () =>
      auditPage(`${server.url}${page}`, chromePath),
    );
  }
  console.log(`\nthe datacenter preset, 10 s of play, CPU slowed ${SCHOOL.slow}×, default view:`);
  await gate('slowed play', ATTEMPTS.play, async () => {
    const r = await measure(schoolUrl(server.url), false, SCHOOL.slow);
    const { line, ok } = schoolVerdict(r);
    const frames = `    ${r.frames} frames, p50 ${r.p50.toFixed(1)} ms, longest task ${r.maxTask.toFixed(0)} ms`;
    return { lines: [frames, `    ${ok ? '✓' : '✗'} ${line}`], ok };
  });
} finally {
  await server.close();
}
console.log(`\ntest:perf: ${missed.length ? `FAIL (${missed.join(', ')})` : 'PASS'}`);
process.exit(missed.length ? 1 : 0);
