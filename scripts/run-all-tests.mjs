#!/usr/bin/env node
// `npm test`: every gate in CI order, stopping at the first failure.
//   format → types → lint → clones → dead code → layers → i18n → unit/property → soak → seek → build → size → browser → e2e
// (browser finds a Chromium or installs one: scripts/ensure-chromium.ts)
// Each step prints its wall time. At the end the JSON reports of the runners
// (test-results/{lint,unit,e2e}-report.json) are summed into one final line:
//   N passed, N failed[, N skipped]
// SKIP_E2E=1 skips the e2e step (quick local loops) and says so loudly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
const REPORTS = {
  lint: `${RESULTS}/lint-report.json`,
  unit: `${RESULTS}/unit-report.json`,
  e2e: `${RESULTS}/e2e-report.json`, // written by playwright.config.ts's json reporter
};
const vitestArgs = (report) => [
  '--',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];
const skipE2e = process.env.SKIP_E2E === '1';

/** @type {{ name: string, args?: string[], report?: keyof typeof REPORTS }[]} */
const STEPS = [
  { name: 'test:format' },
  { name: 'test:types' },
  { name: 'test:lint' },
  { name: 'test:clones' },
  { name: 'test:deadcode' },
  { name: 'test:layers', args: vitestArgs(REPORTS.lint), report: 'lint' },
  { name: 'test:i18n' },
  { name: 'test:unit', args: vitestArgs(REPORTS.unit), report: 'unit' },
  { name: 'test:soak' },
  { name: 'test:seek' },
  { name: 'build' },
  { name: 'test:size' },
  { name: 'test:browser' },
  { name: 'test:e2e', report: 'e2e' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (text) => {
  const line = '!'.repeat(text.length + 8);
  console.log(`\n${line}\n!!! ${text} !!!\n${line}\n`);
};

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`run-all-tests: cannot parse ${file}: ${err.message}`);
    return undefined;
  }
}

/** {passed, failed, skipped} from a runner's own JSON report, or undefined if absent. */
function counts(kind) {
  const r = readJson(REPORTS[kind]);
  if (!r) return undefined;
  if (kind === 'e2e') {
    const s = r.stats ?? {};
    return {
      passed: (s.expected ?? 0) + (s.flaky ?? 0),
      failed: s.unexpected ?? 0,
      skipped: s.skipped ?? 0,
    };
  }
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

// Reports from an earlier run must not be counted.
mkdirSync(RESULTS, { recursive: true });
for (const file of Object.values(REPORTS)) rmSync(file, { force: true });

if (skipE2e) banner('SKIP_E2E=1: the e2e tests will NOT run — this is not a full test run');

const started = Date.now();
/** @type {{ name: string, ms: number, status: string }[]} */
const timings = [];
let failedStep;

for (const step of STEPS) {
  if ((step.name === 'test:e2e' || step.name === 'test:browser') && skipE2e) {
    timings.push({ name: step.name, ms: 0, status: 'SKIPPED (SKIP_E2E=1)' });
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const t0 = Date.now();
  const res = spawnSync(npm, ['run', '--silent', step.name, ...(step.args ?? [])], {
    stdio: 'inherit',
    // The e2e server serves the dist/ the build step made (and test:size checked) as it is.
    env: step.name === 'test:e2e' ? { ...process.env, E2E_PREBUILT: '1' } : process.env,
  });
  const ms = Date.now() - t0;
  const ok = res.status === 0;
  const why = res.error
    ? res.error.message
    : res.signal
      ? `killed by ${res.signal}`
      : `exit ${res.status}`;
  timings.push({ name: step.name, ms, status: ok ? 'ok' : `FAILED (${why})` });
  console.log(`${ok ? '✓' : '✗'} ${step.name} — ${seconds(ms)}${ok ? '' : ` — FAILED (${why})`}`);
  if (!ok) {
    failedStep = step;
    break;
  }
}

const totalMs = Date.now() - started;
console.log('\n── summary ──────────────────────────────');
for (const t of timings)
  console.log(`  ${t.name.padEnd(12)} ${seconds(t.ms).padStart(8)}  ${t.status}`);
const notRun = STEPS.slice(timings.length).map((s) => s.name);
if (notRun.length) console.log(`  not run (stopped at the first failure): ${notRun.join(', ')}`);
console.log(`  total wall time: ${seconds(totalMs)}`);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const kind of /** @type {const} */ (['lint', 'unit', 'e2e'])) {
  const c = counts(kind);
  if (!c) continue;
  console.log(`  ${kind}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
}
if (failedStep) {
  // A failed step whose runner reported no failing test (tsc, eslint, prettier, a crash before
  // the report) still counts, so the final line never reads "0 failed" for a failed run.
  const c = failedStep.report ? counts(failedStep.report) : undefined;
  if (!c || c.failed === 0) {
    console.log(`  counting the failed step ${failedStep.name} as 1 failure`);
    failed += 1;
  }
}
if (skipE2e) banner('SKIP_E2E=1: the e2e tests were NOT run');

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
