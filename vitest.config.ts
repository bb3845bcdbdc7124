// Two projects: `npm run test:unit` (--project unit) and `npm run test:layers` (--project lint).
// Playwright specs (tests/e2e/*.spec.ts) and the lint fixtures are never collected here.
// Component tests (tests/unit/ui/*.test.tsx) run in the unit project too: each asks for jsdom in
// its own `// @vitest-environment jsdom` docblock, so the Node tests keep the faster `node`.
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
