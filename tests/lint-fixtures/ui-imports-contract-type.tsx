// @lint-as: src/ui/__fixture__.tsx
// @expect: none
// Allowed: the page names what crosses the worker line through the contract.
import type { MachineView } from '../contract';
import { RING_USABLE } from '../contract';

export type View = Pick<MachineView, 'cpus'>;
export const max = RING_USABLE;
