// @lint-as: src/store/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { createMachine } from '../sim/machine';

export const m = createMachine;
