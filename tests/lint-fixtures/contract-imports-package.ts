// @lint-as: src/contract/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// No package but the one validation library.
import { wrap } from 'comlink';

export const w = wrap;
