// @lint-as: src/bridge/__fixture__.ts
// @expect: none
// Allowed: only the contract's type crosses; comlink is fine in the bridge.
import { wrap } from 'comlink';
import type { SimApi } from '../contract';

export const connect = (w: Worker) => wrap<SimApi>(w);
