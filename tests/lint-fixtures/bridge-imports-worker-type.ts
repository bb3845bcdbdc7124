// @lint-as: src/bridge/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The API's type lives in the contract, not in the worker.
import { wrap } from 'comlink';
import type { SimApi } from '../worker/api';

export const connect = (w: Worker) => wrap<SimApi>(w);
