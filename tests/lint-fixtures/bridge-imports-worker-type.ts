// @lint-as: src/bridge/__fixture__.ts
// @expect: none
// Allowed: only the type crosses; comlink is fine in the bridge.
import { wrap } from 'comlink';
import type { SimApi } from '../worker/api';

export const connect = (w: Worker) => wrap<SimApi>(w);
