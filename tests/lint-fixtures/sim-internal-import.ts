// @lint-as: src/sim/rules/__fixture__.ts
// @expect: none
// Allowed: the sim importing itself, integer math.
import { step } from '../step';
import type { World } from './types';

export const next = (w: World): World => step(w, Math.max(1, Math.floor(3 / 2)));
