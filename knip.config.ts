// `npm run test:deadcode`: unused files, exports and dependencies fail `npm test`. What is kept
// although nothing imports it says why here.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // Run by hand or by npm scripts, not imported: regenerate golden hashes and link fixtures.
    'scripts/*.{ts,mjs}',
    // Read as a file by scripts/vite-offline.ts, which strips its types into dist/sw.js.
    'src/features/offline/service-worker.ts',
    // The test-only build of tests/e2e/eleventh-lesson.spec.ts, named on vite's command line.
    'tests/fixtures/lessons/vite.config.ts',
  ],
  project: [
    'src/**/*.{ts,tsx}',
    'scripts/**/*.{ts,mjs}',
    'server/**/*.ts',
    'tests/**/*.{ts,tsx}',
    '*.ts',
  ],
  ignore: [
    // Linted under pretend paths by tests/lint/layers.test.ts; never imported.
    'tests/lint-fixtures/**',
  ],
  ignoreDependencies: [
    // The font is imported from CSS (src/app/styles.css), which knip does not read.
    '@fontsource-variable/inter',
  ],
  // The system's package manager: scripts/ensure-redis.ts installs redis-server with it (as root).
  ignoreBinaries: ['apt-get'],
  // The e2e entries named here, not read from playwright.config.ts: loading that file needs a
  // Chromium (it throws with instructions when there is none), and on a fresh machine dead-code
  // runs before npm test's browser step has installed one.
  playwright: {
    config: [],
    entry: ['playwright.config.ts', 'tests/e2e/**/*.spec.ts'],
  },
  // A constant or type exported and used in its own file is still in use.
  ignoreExportsUsedInFile: true,
};

export default config;
