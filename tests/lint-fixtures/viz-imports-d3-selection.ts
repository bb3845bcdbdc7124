// @lint-as: src/viz/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { select } from 'd3-selection';

export const s = select;
