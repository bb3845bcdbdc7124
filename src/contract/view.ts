import type {
  CpuState,
  DeviceKind,
  Fate,
  InstanceState,
  MsgCategory,
  ProposalVersion,
  WorkloadKind,
} from './machine';

// What the page draws: the machine's snapshot, and the traffic and CPU marks the animation and the
// timeline need. Plain, small, and free of the sim's internals.

export interface MetricPoint {
  readonly t: number;
  readonly tput: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly misses: number;
}

/** What the UI draws: plain, small, and free of the sim's internals. */
export interface MachineView {
  readonly t: number;
  readonly version: ProposalVersion;
  readonly monolithic: boolean;
  readonly iommu: boolean;
  readonly cpus: readonly {
    id: number;
    numa: number;
    owner: number;
    state: CpuState;
    busy: boolean;
    procs: number;
  }[];
  readonly instances: readonly InstanceView[];
  readonly memory: readonly { owner: number; startMiB: number; sizeMiB: number }[];
  readonly pool: {
    readonly cpus: readonly number[];
    readonly freeMiB: number;
    readonly totalMiB: number;
    readonly overlays: readonly number[];
  };
  readonly devices: readonly { pci: string; kind: DeviceKind; owner: number; domain: boolean }[];
  readonly workloads: readonly WorkloadView[];
  readonly messages: {
    readonly sent: number;
    readonly fates: Readonly<Record<Fate, number>>;
    readonly dropReasons: Readonly<Record<string, number>>;
  };
  readonly events: number;
  readonly eventMix: Readonly<Record<string, number>>;
  readonly pressure: number;
  readonly hash: string;
}

export interface InstanceView {
  readonly id: number;
  readonly name: string;
  readonly state: InstanceState;
  /** v2 called the loaded state "loading" (facts §1.4). */
  readonly stateLabel: string;
  readonly pending: string | null;
  readonly cpus: readonly number[];
  readonly memMiB: number;
  readonly devices: readonly string[];
  readonly image: string | null;
  readonly panicked: boolean;
  readonly hung: boolean;
  readonly ring: number;
  readonly ipisReceived: number;
  readonly msgsSent: number;
  readonly msgsReceived: number;
  readonly enospc: number;
  readonly corruptBytes: number;
}

export interface WorkloadView {
  readonly id: number;
  readonly name: string;
  readonly kind: WorkloadKind;
  readonly kernel: number;
  readonly running: boolean;
  readonly load: number;
  readonly backend: number;
  readonly cpus: readonly number[];
  readonly last: MetricPoint | null;
  readonly completed: number;
  readonly errors: number;
  readonly misses: number;
  readonly p99Live: number;
}

export type TrafficKind = 'send' | 'deliver' | 'reject' | 'overwrite' | 'drop' | 'ipi';
export interface TrafficEvent {
  readonly seq: number;
  readonly t: number;
  readonly kind: TrafficKind;
  readonly id: number;
  readonly from: number;
  readonly to: number;
  /** The sending CPU for send/reject; the handling CPU for deliver; the target CPU for ipi. */
  readonly cpu: number;
  readonly category: MsgCategory | 'IPI';
  readonly subtype: string;
  readonly reason: string;
}

export interface CpuMark {
  readonly seq: number;
  readonly t: number;
  readonly cpu: number;
  readonly state: CpuState;
  readonly owner: number;
}
