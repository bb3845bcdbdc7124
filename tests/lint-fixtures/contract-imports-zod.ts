// @lint-as: src/contract/validate/__fixture__.ts
// @expect: none
// Allowed: the contract's validators are built on zod.
import * as z from 'zod/mini';

export const Seed = z.int();
