/** The sandbox's ready-made machines (src/sim/presets.ts builds each). */
export const PRESET_IDS = [
  'two-kernels',
  'monolithic',
  'web-db',
  'realtime',
  'noisy-neighbour',
  'datacenter',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];
