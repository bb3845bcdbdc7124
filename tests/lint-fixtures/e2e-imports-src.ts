// @lint-as: tests/e2e/__fixture__.spec.ts
// @expect: @typescript-eslint/no-restricted-imports
// e2e drives the page (and window.__viz), not src internals.
import { createMachine } from '../../src/sim/machine';

export const m = createMachine;
