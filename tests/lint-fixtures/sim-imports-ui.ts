// @lint-as: src/sim/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The sim imports nothing outside src/sim.
import { Anything } from '../ui/Anything';

export const x = Anything;
