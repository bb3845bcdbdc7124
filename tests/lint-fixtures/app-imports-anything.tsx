// @lint-as: src/app/__fixture__.tsx
// @expect: none
// Allowed: src/app is the composition root (the "sim on the main thread" debug switch).
import { wrap } from 'comlink';
import { App } from '../ui/App';

export const parts = [wrap, App];
export const loadSim = () => import('../sim/machine');
