// Two projects: `npm run test:unit` (--project unit) and `npm run test:layers` (--project lint).
// Playwright specs (tests/e2e/*.spec.ts) and the lint fixtures are never collected here.
// Component tests (tests/unit/ui/*.test.tsx) run in the unit project too: each asks for jsdom in
// its own `// @vitest-environment jsdom` docblock, so the Node tests keep the faster `node`.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const exclude = [
  '**/node_modules/**',
  '**/dist/**',
  'tests/e2e/**',
  'tests/lint-fixtures/**',
  '**/*.spec.ts',
];

export default defineConfig({
  test: {
    // Every core: Vitest's default leaves one free, which on a 2-core CI machine is one worker
    // (the unit step took 191 s instead of 115 s).
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/unit/**/*.test.tsx',
            'tests/property/**/*.test.ts',
          ],
          exclude,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'lint',
          environment: 'node',
          include: ['tests/lint/**/*.test.ts'],
          exclude,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
