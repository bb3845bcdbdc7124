// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
import { wrap } from 'comlink';

export const w = wrap;
