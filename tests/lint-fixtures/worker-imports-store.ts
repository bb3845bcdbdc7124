// @lint-as: src/worker/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { simStore } from '../store/sim';

export const s = simStore;
