// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
// Not even a type: what crosses the worker line is named in src/contract.
import type { Machine } from '../sim/types';

export type View = Pick<Machine, 'cpus'>;
