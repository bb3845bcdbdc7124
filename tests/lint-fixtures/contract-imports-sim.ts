// @lint-as: src/contract/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The contract imports nothing else of the project.
import type { Machine } from '../sim/types';

export type M = Machine;
