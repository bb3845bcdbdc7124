// @lint-as: src/app/sim-host.ts
// @expect: @typescript-eslint/no-restricted-imports
// Even the sim host goes through the worker's API, never the sim itself.
import { createMachine } from '../sim';

export const make = createMachine;
