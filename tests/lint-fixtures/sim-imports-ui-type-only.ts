// @lint-as: src/sim/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// Even a type-only import from a higher layer points the arrow down.
import type { Props } from '../ui/Anything';

export type X = Props;
