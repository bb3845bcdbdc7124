// @lint-as: src/ui/__fixture__.tsx
// @expect: none
// Allowed: type-only imports from src/sim.
import type { Machine } from '../sim/types';

export type View = Pick<Machine, 'cpus'>;
