// e2e runs against the production build (`vite build` + `vite preview`), in Chromium.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './tests/e2e/find-chromium';

const CI = !!process.env.CI;
// E2E_PORT lets two e2e runs share a machine (each builds to its own folder and serves it).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = PORT === 4173 ? 'dist' : `dist-e2e-${PORT}`;
const PREBUILT = process.env.E2E_PREBUILT === '1' && PORT === 4173;
const executablePath = requireChromium(); // throws with a clear message when there is none
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath, args: CHROMIUM_ARGS },
};
/** Tests that time the product and must have the machine to themselves. */
const TIMED = /class\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // Not test-results/: Playwright empties its outputDir on start, and the vitest JSON reports
  // (test-results/unit-report.json, lint-report.json) must survive for scripts/run-all-tests.mjs.
  outputDir: PORT === 4173 ? 'test-results/playwright' : `test-results/playwright-${PORT}`,
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          PORT === 4173 ? 'test-results/e2e-report.json' : `test-results/e2e-report-${PORT}.json`,
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: TIMED,
      use: browser,
    },
    {
      // The class test times students' arrival on this 2-core machine with five pages open
      // (issue 13: 2 s p95). It runs after every other test, alone and in order, so the other
      // worker's pages do not share its cores and its time measures the class, not the suite.
      name: 'timed',
      testMatch: TIMED,
      dependencies: ['chromium'],
      fullyParallel: false,
      use: browser,
    },
  ],
  webServer: {
    // `npm test` builds dist/ one step before (and checks its size): E2E_PREBUILT=1 serves that.
    command: `${PREBUILT ? '' : `npx vite build --outDir ${OUT} && `}npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
