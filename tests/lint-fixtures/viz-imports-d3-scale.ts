// @lint-as: src/viz/__fixture__.ts
// @expect: none
// Allowed: D3 math and the contract's types.
import { scaleLinear } from 'd3';
import type { MachineView } from '../contract';

export const xScale = (v: MachineView) => scaleLinear().domain([0, v.cpus.length]).range([0, 100]);
