// @lint-as: src/sim/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The sim imports nothing outside itself but the contract.
import type { SimApi } from '../worker/api';

export type A = SimApi;
