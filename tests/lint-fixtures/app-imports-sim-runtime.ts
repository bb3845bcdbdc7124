// @lint-as: src/app/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// Only src/app/sim-host.ts reaches the simulator; the rest of the app speaks the contract.
import { preset } from '../sim/presets';

export const scenario = preset('two-kernels');
