/** The emulated multikernel machine: the sim's public API (DESIGN §3, "one form everywhere"). */
export { apply } from './apply';
export { advanceTo, nextEventTime } from './loop';
export { createMachine, replay, ScenarioError } from './create';
export { checkCreate } from './lifecycle-create';
export { checkInvariants } from './invariants';
export { snapshot, happeningsSince, newerThan, type MachineView } from './snapshot';
export { traceHash } from './trace';
export { CONSTANTS } from './constants';
export { preset, DEFAULT_CONFIG, type PresetId } from './presets';
export { twinScenario, twinInput } from './twin';
export { GOLDEN_LOG, GOLDEN_SEEDS, GOLDEN_UNTIL } from './golden';
export { EVENT_NAMES } from './events';
export * from './types';
export type { TrafficEvent, TrafficKind, CpuMark } from './visual';
export { trafficOf } from './visual';
export { stateHash, stateText } from './state-hash';
