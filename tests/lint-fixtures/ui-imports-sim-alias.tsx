// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
import { createMachine } from '@/sim/machine';

export const m = createMachine;
