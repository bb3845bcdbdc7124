// The machine's vocabulary: the words both sides of the worker line use for its parts and
// states. Plain types and small constant lists, nothing that runs the machine.

export type ProposalVersion = 'v1' | 'v2' | 'github';
export const PROPOSAL_VERSIONS: readonly ProposalVersion[] = ['v1', 'v2', 'github'];

export type DeviceKind = 'nic' | 'nvme' | 'serial';
export const DEVICE_KINDS: readonly DeviceKind[] = ['nic', 'nvme', 'serial'];

export interface DeviceSpec {
  readonly pci: string;
  readonly kind: DeviceKind;
  readonly numa: number;
}

export interface MachineConfig {
  readonly version: ProposalVersion;
  readonly cpus: number;
  readonly numaNodes: number;
  readonly memoryMiB: number;
  /** `mkkernel_pool=` at boot; 0 in monolithic mode. */
  readonly poolMiB: number;
  readonly devices: readonly DeviceSpec[];
  readonly iommu: boolean;
  readonly llcWays: number;
  /** One kernel, no pool: the monolithic baseline and the twin. */
  readonly monolithic: boolean;
  /** Record per-kernel trace lines (tests of containment); costs memory, off by default. */
  readonly recordTraces?: boolean;
  /** Track every message id's fate in a map (tests); off by default. */
  readonly auditMessages?: boolean;
  /** Keep all traffic and every CPU slice, for a Chrome trace export (a replay sets it). */
  readonly exportTrace?: boolean;
}

export type ImageKind = 'general' | 'realtime' | 'minimal';
export const IMAGE_KINDS: readonly ImageKind[] = ['general', 'realtime', 'minimal'];
export interface KernelImage {
  readonly name: string;
  readonly version: string;
  readonly kind: ImageKind;
}

export type InstanceState = 'ready' | 'loaded' | 'active' | 'failed';
export type CpuState = 'online' | 'offline' | 'parked' | 'booting' | 'halted';

export type WorkloadKind = 'server' | 'cpu' | 'noisy' | 'io' | 'rt' | 'service';
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'server',
  'cpu',
  'noisy',
  'io',
  'rt',
  'service',
];

export type MsgCategory = 'IO' | 'RESOURCE' | 'SYSTEM' | 'USER' | 'NETWORK';
export const MSG_CATEGORIES: readonly MsgCategory[] = [
  'IO',
  'RESOURCE',
  'SYSTEM',
  'USER',
  'NETWORK',
];
export type Fate = 'in-flight' | 'delivered' | 'rejected-enospc' | 'overwritten' | 'dropped';
export type DropReason = 'target-halted' | 'ring-reset' | 'target-gone';

export type FaultKind =
  'panic' | 'lockup' | 'scribble' | 'dma' | 'ipi-flood' | 'machine-wide' | 'claim-miss';
export const FAULT_KINDS: readonly FaultKind[] = [
  'panic',
  'lockup',
  'scribble',
  'dma',
  'ipi-flood',
  'machine-wide',
  'claim-miss',
];
export type MachineWideOp = 'wbinvd' | 'split-lock';
export const MACHINE_WIDE_OPS: readonly MachineWideOp[] = ['wbinvd', 'split-lock'];

/** Error values are shaped like the kernel's: a negative errno and a message. */
export type Errno =
  | 'EINVAL'
  | 'ENOENT'
  | 'EEXIST'
  | 'EBUSY'
  | 'ENOMEM'
  | 'ENOSPC'
  | 'EOPNOTSUPP'
  | 'EPERM'
  | 'ETIMEDOUT';
export interface SimError {
  readonly ok: false;
  readonly code: Errno;
  readonly errno: number;
  readonly message: string;
}
export type ApplyResult = { readonly ok: true; readonly id?: number } | SimError;

/** How sure the model is of a number it uses. */
export type Confidence = 'high' | 'medium' | 'low' | 'vendor-claim' | 'model';

/** A timing the model uses, with where it comes from. The inspector shows all three. */
export interface TimingConstant {
  readonly value: number;
  readonly unit: 'ns' | 'bytes' | 'count' | 'permille';
  readonly source: string;
  readonly confidence: Confidence;
  /** Why the model uses this value where the facts give none or several. */
  readonly note?: string;
}

/** Every named constant of the model (src/sim/constants.ts gives each its value and source). */
export const CONSTANT_NAMES = [
  'mailboxPoll',
  'claimTimeout',
  'claimLatency',
  'spawnBoot',
  'apBringup',
  'initSipiDelay',
  'trampoline',
  'imageCopy',
  'gracefulKillTimeout',
  'nmiLatency',
  'park',
  'parkConfirm',
  'ipiLatency',
  'ipiEntry',
  'msgHandler',
  'quantum',
  'metricsWindow',
  'requestTimeout',
  'stall',
  'scribbleCrash',
  'deviceIo',
  'serverInterarrival',
  'serverCost',
  'frontCost',
  'ioInterarrival',
  'ioCost',
  'serviceCost',
  'rtPeriod',
  'rtWcet',
  'ringEntries',
  'ringEntryBytes',
  'slotBytes',
  'noisyPressure',
  'llcPartitionRelief',
] as const;
export type ConstantName = (typeof CONSTANT_NAMES)[number];
