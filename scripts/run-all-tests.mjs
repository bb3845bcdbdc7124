#!/usr/bin/env node
// `npm test`: every gate in CI order, stopping at the first failure.
//   [types, lint, format, clones, dead code, layers, i18n: two at a time] → services → unit/property → soak →
//   seek → build → size → browser → perf (Lighthouse and a slowed play) → e2e
// (browser finds a Chromium or installs one: scripts/ensure-chromium.ts)
// Each step prints its wall time. At the end the JSON reports of the runners
// (test-results/{lint,unit,e2e}-report.json) are summed into one final line:
//   N passed, N failed[, N skipped]
// SKIP_E2E=1 skips the steps that need a browser (browser, perf, e2e: quick local loops) and says
// so loudly.
import { spawn } from 'node:child_process';
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

/**
 * Steps in order; the steps of a `together` group run two at a time (each is single-threaded, and
 * CI has 2 cores), their output printed whole as each ends.
 * @type {{ name: string, args?: string[], report?: keyof typeof REPORTS, together?: string }[]}
 */
const STEPS = [
  { name: 'test:types', together: 'static' },
  { name: 'test:lint', together: 'static' },
  { name: 'test:format', together: 'static' },
  { name: 'test:clones', together: 'static' },
  { name: 'test:deadcode', together: 'static' },
  { name: 'test:layers', args: vitestArgs(REPORTS.lint), report: 'lint', together: 'static' },
  { name: 'test:i18n', together: 'static' },
  { name: 'test:services' },
  { name: 'test:unit', args: vitestArgs(REPORTS.unit), report: 'unit' },
  { name: 'test:soak' },
  { name: 'test:seek' },
  { name: 'build' },
  { name: 'test:size' },
  { name: 'test:browser' },
  // Timed: after the build, on a quiet machine, before the e2e tests share its cores.
  { name: 'test:perf' },
  { name: 'test:e2e', report: 'e2e' },
];
const LANES = 2;

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

if (skipE2e)
  banner('SKIP_E2E=1: the perf gate and the e2e tests will NOT run — this is not a full test run');

const started = Date.now();
/** @type {{ name: string, ms: number, status: string }[]} */
const timings = [];
let failedStep;

/** Runs one step; `buffer` keeps its output until it ends (steps running side by side). */
function run(step, buffer) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(npm, ['run', '--silent', step.name, ...(step.args ?? [])], {
      stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // The e2e server serves the dist/ the build step made (and test:size checked) as it is.
      // Review screenshots (reviewShot in tests/e2e/helpers.ts) are for a person, not the gate.
      env:
        step.name === 'test:e2e'
          ? { ...process.env, E2E_PREBUILT: '1', E2E_SHOTS: '0' }
          : process.env,
    });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    const done = (why) => {
      const ms = Date.now() - t0;
      if (buffer) process.stdout.write(`\n▶ ${step.name}\n${Buffer.concat(out).toString()}`);
      console.log(
        `${why ? '✗' : '✓'} ${step.name} — ${seconds(ms)}${why ? ` — FAILED (${why})` : ''}`,
      );
      resolve({ name: step.name, ms, status: why ? `FAILED (${why})` : 'ok', why });
    };
    child.on('error', (err) => done(err.message));
    child.on('close', (code, signal) =>
      done(code === 0 ? null : signal ? `killed by ${signal}` : `exit ${code}`),
    );
  });
}

for (let i = 0; i < STEPS.length && !failedStep;) {
  const step = STEPS[i];
  if (['test:e2e', 'test:browser', 'test:perf'].includes(step.name) && skipE2e) {
    timings.push({ name: step.name, ms: 0, status: 'SKIPPED (SKIP_E2E=1)' });
    i += 1;
    continue;
  }
  const group = step.together
    ? STEPS.slice(i).filter((s, k, all) =>
        all.slice(0, k + 1).every((x) => x.together === step.together),
      )
    : [step];
  i += group.length;
  if (!step.together) console.log(`\n▶ ${step.name}`);
  else console.log(`\n▶ ${group.map((s) => s.name).join(', ')} (${LANES} at a time)`);
  const queue = [...group];
  const results = [];
  await Promise.all(
    Array.from({ length: step.together ? LANES : 1 }, async () => {
      for (let next = queue.shift(); next && !failedStep; next = queue.shift()) {
        const r = await run(next, Boolean(step.together));
        results.push(r);
        if (r.why) failedStep = next;
      }
    }),
  );
  // The summary lists the steps in their order, whichever ended first.
  for (const s of group) {
    const r = results.find((x) => x.name === s.name);
    if (r) timings.push(r);
  }
}

const totalMs = Date.now() - started;
console.log('\n── summary ──────────────────────────────');
for (const t of timings)
  console.log(`  ${t.name.padEnd(12)} ${seconds(t.ms).padStart(8)}  ${t.status}`);
const notRun = STEPS.filter((s) => !timings.some((t) => t.name === s.name)).map((s) => s.name);
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
if (skipE2e) banner('SKIP_E2E=1: the perf gate and the e2e tests were NOT run');

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
