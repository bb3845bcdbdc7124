// npm run audit — Lighthouse 12.8.2 against the production build, three runs, median scores.
// Budgets (DESIGN §8): accessibility 100, performance ≥ 95, best practices ≥ 95.
import { execSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, requireChromium } from '../tests/e2e/find-chromium';
import { withPreview } from './preview-server';

const RUNS = 3;
const BUDGET = { accessibility: 100, performance: 95, 'best-practices': 95 } as const;
type Category = keyof typeof BUDGET;

execSync('npx vite build', { stdio: 'inherit' });
const chromePath = requireChromium();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const scores: Record<Category, number[]> = {
  accessibility: [],
  performance: [],
  'best-practices': [],
};
await withPreview(4174, async (url) => {
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: CHROMIUM_ARGS,
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(BUDGET),
      });
      const cats = result?.lhr.categories ?? {};
      for (const c of Object.keys(BUDGET) as Category[])
        scores[c].push(Math.round((cats[c]?.score ?? 0) * 100));
      const audits = result?.lhr.audits ?? {};
      const metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'speed-index',
        'cumulative-layout-shift',
      ]
        .map((id) => `${id.replace(/-/g, ' ')} ${audits[id]?.displayValue ?? '?'}`)
        .join(' · ');
      console.log(`  ${metrics}`);
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      console.log(
        `run ${i + 1}: ${(Object.keys(BUDGET) as Category[]).map((c) => `${c} ${scores[c].at(-1)}`).join(', ')}${failing.length ? ` — failing audits: ${failing.join(', ')}` : ''}`,
      );
    } finally {
      await chrome.kill();
    }
  }
});

let ok = true;
console.log(`\nLighthouse 12.8.2, median of ${RUNS}:`);
for (const c of Object.keys(BUDGET) as Category[]) {
  const m = median(scores[c]);
  const pass = m >= BUDGET[c];
  ok &&= pass;
  console.log(
    `  ${c.padEnd(15)} ${String(m).padStart(3)}  (budget ${c === 'accessibility' ? '' : '≥ '}${BUDGET[c]})  ${pass ? 'PASS' : 'FAIL'}`,
  );
}
process.exit(ok ? 0 : 1);
