// @lint-as: src/viz/__fixture__.ts
// @expect: none
// Allowed: D3 math and sim types.
import { scaleLinear } from 'd3';
import type { Machine } from '../sim/types';

export const xScale = (m: Machine) => scaleLinear().domain([0, m.cpus]).range([0, 100]);
