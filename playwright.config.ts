// e2e runs against the production build (`vite build` + `vite preview`), in Chromium.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './tests/e2e/find-chromium';

const CI = !!process.env.CI;
const PORT = 4173;
const executablePath = requireChromium(); // throws with a clear message when there is none

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // Not test-results/: Playwright empties its outputDir on start, and the vitest JSON reports
  // (test-results/unit-report.json, lint-report.json) must survive for scripts/run-all-tests.mjs.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
