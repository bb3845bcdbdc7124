// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
// The sim runs only in the worker.
import { createMachine } from '../sim/machine';

export const m = createMachine;
