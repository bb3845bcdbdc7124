// @lint-as: src/worker/sim.worker.ts
// @expect: none
// Allowed: the worker runs the sim, lessons and shell, and exposes them with comlink.
import { expose } from 'comlink';
import { lessons } from '../lessons/index';
import { createMachine } from '../sim/machine';
import { run } from '../shell/run';

expose({ createMachine, lessons, run });
