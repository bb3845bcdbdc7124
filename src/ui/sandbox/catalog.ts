import type {
  DeviceKind,
  FaultKind,
  ImageKind,
  MsgCategory,
  PresetId,
  ProposalVersion,
  WorkloadKind,
} from '../../contract';
import type { MessageKey } from '../../i18n';

/*
 * The sandbox's fixed lists. src/ui may not import values from src/sim at runtime (DESIGN §2,
 * eslint.config.js), so these repeat small lists from the sim. Each is a Record keyed by the sim's
 * own type: when the sim adds or drops a preset, a kind or a category, `tsc` fails here.
 */

/** src/sim/presets.ts PRESET_IDS, in the same order, with their names and one-line stories. */
export const PRESETS: Readonly<Record<PresetId, { name: MessageKey; about: MessageKey }>> = {
  'two-kernels': { name: 'sandbox.preset.two-kernels', about: 'sandbox.preset.two-kernels.about' },
  monolithic: { name: 'sandbox.preset.monolithic', about: 'sandbox.preset.monolithic.about' },
  'web-db': { name: 'sandbox.preset.web-db', about: 'sandbox.preset.web-db.about' },
  realtime: { name: 'sandbox.preset.realtime', about: 'sandbox.preset.realtime.about' },
  'noisy-neighbour': {
    name: 'sandbox.preset.noisy-neighbour',
    about: 'sandbox.preset.noisy-neighbour.about',
  },
  datacenter: { name: 'sandbox.preset.datacenter', about: 'sandbox.preset.datacenter.about' },
};
export const PRESET_LIST = Object.keys(PRESETS) as PresetId[];

/** src/sim/types.ts PROPOSAL_VERSIONS: what differs is in facts §1 and docs/architecture.md. */
export const VERSIONS: Readonly<Record<ProposalVersion, { name: MessageKey; about: MessageKey }>> =
  {
    v1: { name: 'sandbox.version.v1', about: 'sandbox.version.v1.about' },
    v2: { name: 'sandbox.version.v2', about: 'sandbox.version.v2.about' },
    github: { name: 'sandbox.version.github', about: 'sandbox.version.github.about' },
  };
export const VERSION_LIST = Object.keys(VERSIONS) as ProposalVersion[];

/** Message categories and their codes (`MK_MSG_*`, facts §1.9): identifiers, shown as written. */
export const CATEGORIES: Readonly<Record<MsgCategory, number>> = {
  IO: 0x1000,
  RESOURCE: 0x2000,
  SYSTEM: 0x3000,
  USER: 0x4000,
  NETWORK: 0x5000,
};
export const CATEGORY_LIST = Object.keys(CATEGORIES) as MsgCategory[];
export const categoryLabel = (c: MsgCategory): string => `${c} (0x${CATEGORIES[c].toString(16)})`;

export const WORKLOAD_KINDS: Readonly<Record<WorkloadKind, MessageKey>> = {
  server: 'sandbox.wlkind.server',
  service: 'sandbox.wlkind.service',
  cpu: 'sandbox.wlkind.cpu',
  io: 'sandbox.wlkind.io',
  rt: 'sandbox.wlkind.rt',
  noisy: 'sandbox.wlkind.noisy',
};
export const WORKLOAD_KIND_LIST = Object.keys(WORKLOAD_KINDS) as WorkloadKind[];

export const IMAGE_KINDS: Readonly<Record<ImageKind, MessageKey>> = {
  general: 'sandbox.image.general',
  realtime: 'sandbox.image.realtime',
  minimal: 'sandbox.image.minimal',
};
export const IMAGE_KIND_LIST = Object.keys(IMAGE_KINDS) as ImageKind[];

export const DEVICE_KINDS: Readonly<Record<DeviceKind, MessageKey>> = {
  nic: 'sandbox.device.nic',
  nvme: 'sandbox.device.nvme',
  serial: 'sandbox.device.serial',
};
export const deviceKindKey = (kind: string): MessageKey =>
  DEVICE_KINDS[kind as DeviceKind] ?? 'sandbox.device.other';

/** Fault kinds (src/sim/types.ts FAULT_KINDS); the form of each lives in FaultForms.tsx. */
export const FAULTS: Readonly<Record<FaultKind, { title: MessageKey; about: MessageKey }>> = {
  panic: { title: 'sandbox.fault.panic', about: 'sandbox.fault.panic.about' },
  lockup: { title: 'sandbox.fault.lockup', about: 'sandbox.fault.lockup.about' },
  scribble: { title: 'sandbox.fault.scribble', about: 'sandbox.fault.scribble.about' },
  dma: { title: 'sandbox.fault.dma', about: 'sandbox.fault.dma.about' },
  'ipi-flood': { title: 'sandbox.fault.ipi-flood', about: 'sandbox.fault.ipi-flood.about' },
  'machine-wide': {
    title: 'sandbox.fault.machine-wide',
    about: 'sandbox.fault.machine-wide.about',
  },
  'claim-miss': { title: 'sandbox.fault.claim-miss', about: 'sandbox.fault.claim-miss.about' },
};

/** CPU states (src/sim/types.ts CpuState) reuse core.json's `cpustate.*` words. */
export const cpuStateKey = (state: string): MessageKey => `cpustate.${state}` as MessageKey;
