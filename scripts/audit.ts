// npm run audit — Lighthouse 12.8.2 (mobile defaults) on the production build served gzip, as a
// static host serves it, three runs per page. Issue 14's budgets, per page:
//   every run performance ≥ 93 and the median ≥ 95; total blocking time ≤ 150 ms (median);
//   cumulative layout shift ≤ 0.05 (every run); accessibility 100; best practices 100.
// `--gate`: only the pages npm test would gate on (the first screen and a lesson's step).
// `--render-document`: Chromium launched with chrome-launcher's default flags except one — its
// `--disable-features` list keeps RenderDocument on, as Chromium ships it. chrome-launcher 1.2.1
// turns it off (Lighthouse PR 16363); with it off, the first paint here is held to ≈ 1.2 or 2.2 s
// (measured 2026-12-05, docs/architecture.md). Not the default: the budget is judged as
// Lighthouse runs out of the box; this shows what the hold costs.
// Each figure is printed beside its budget; exit 1 when one misses (scripts/lighthouse-run.ts).
import { requireChromium } from '../tests/e2e/find-chromium';
import { build, serveStatic } from '../tests/e2e/static-server';
import { auditPage, GATE_PAGES, RUNS } from './lighthouse-run';

const ALL_PAGES = ['', '?lang=es', '?scenario=two-kernels', '?lesson=crash-containment&step=2'];
const RENDER_DOCUMENT = process.argv.includes('--render-document');

const pages = process.argv.includes('--gate') ? GATE_PAGES : ALL_PAGES;
const out = build();
const chromePath = requireChromium();
const server = await serveStatic(out, '/', () => ({}), { gzip: true });
let allOk = true;
try {
  console.log(
    `\nLighthouse 12.8.2, mobile defaults, served gzip, ${RUNS} runs per page` +
      (RENDER_DOCUMENT ? ', Chromium with RenderDocument on (not the default harness):' : ':'),
  );
  for (const page of pages) {
    const { lines, ok } = await auditPage(`${server.url}${page}`, chromePath, RENDER_DOCUMENT);
    console.log(`  ${page || '/'}`);
    for (const line of lines) console.log(line);
    allOk &&= ok;
  }
} finally {
  await server.close();
}
console.log(`\naudit: ${allOk ? 'PASS' : 'FAIL'}`);
process.exit(allOk ? 0 : 1);
