// @lint-as: src/viz/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// d3 re-exports d3-selection: the DOM part is banned through it too.
import { select } from 'd3';

export const s = select;
