// @lint-as: src/sim/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// No npm packages in the sim.
import { scaleLinear } from 'd3';

export const s = scaleLinear;
