// @lint-as: src/sim/__fixture__.ts
// @expect: none
// Allowed: the sim speaks the contract's vocabulary.
import { BLOCK_MIB, type Input } from '../contract';

export const blocks = (i: Input) => (i.type === 'pool.grow' ? i.memMiB / BLOCK_MIB : 0);
