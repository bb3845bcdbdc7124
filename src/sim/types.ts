import type { RngState } from './rng';
import type { Ev } from './heap';
import type { CpuMark, TrafficEvent } from './visual';

export type ProposalVersion = 'v1' | 'v2' | 'github';
export const PROPOSAL_VERSIONS: readonly ProposalVersion[] = ['v1', 'v2', 'github'];

/** Instance 0 is the host; spawns are 1–2047 (`KEXEC_MK_ID`, facts §1.4). */
export const HOST = 0;
export const MAX_INSTANCE_ID = 2047;
/** Owner code of a CPU or memory block that sits in the multikernel pool. */
export const POOL = -1;

export type DeviceKind = 'nic' | 'nvme' | 'serial';
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

/** A scenario is a machine and what is done to it at t = 0. Replay = scenario + seed + log. */
export interface Scenario {
  readonly config: MachineConfig;
  readonly setup: readonly Input[];
}

export type ImageKind = 'general' | 'realtime' | 'minimal';
export interface KernelImage {
  readonly name: string;
  readonly version: string;
  readonly kind: ImageKind;
}

export type InstanceState = 'ready' | 'loaded' | 'active' | 'failed';
export type CpuState = 'online' | 'offline' | 'parked' | 'booting' | 'halted';

export type WorkloadKind = 'server' | 'cpu' | 'noisy' | 'io' | 'rt' | 'service';

export type MsgCategory = 'IO' | 'RESOURCE' | 'SYSTEM' | 'USER' | 'NETWORK';
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

export type { FaultInput, Input } from './inputs';
import type { Input } from './inputs';

export type InputType = Input['type'];

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

// ---------------------------------------------------------------------------------------------
// Machine state: plain data only, so a checkpoint is one structuredClone.

export interface Cpu {
  readonly id: number;
  readonly numa: number;
  owner: number;
  state: CpuState;
  /** Bumped whenever the CPU stops what it runs; queued events of an older epoch are stale. */
  epoch: number;
  cur: Job | null;
  runq: Job[];
  /** Interrupt time owed by the running job: IRQs delay it (facts §2: IPI DoS). */
  irqDebt: number;
  /** Length of the slice now running, and when it began. */
  sliceLen: number;
  busyNs: number;
  procs: number;
  /** v1/v2: the one 256 B slot of this CPU (facts §1.9). */
  slot: Msg | null;
  /** Lab fault: a parked CPU that never claims its mailbox. */
  claimBroken: boolean;
}

export interface Job {
  wl: number;
  /** When the request (or release) began: latency is measured from here. */
  born: number;
  /** Request id for server / io / service jobs; -1 for a cpu-bound slice. */
  req: number;
  remaining: number;
  /** Real-time job: its absolute deadline; 0 otherwise. */
  deadline: number;
  /** For service jobs: the front end's kernel and workload to answer. */
  replyTo: number;
  replyWl: number;
}

export interface Msg {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly category: MsgCategory;
  readonly subtype: string;
  readonly bytes: number;
  readonly sentAt: number;
  /** What the message is about: request id, workload id, instance id, MiB… by subtype. */
  readonly a: number;
  readonly b: number;
}

export interface Ring {
  readonly entries: (Msg | null)[];
  head: number;
  tail: number;
}

export type Pending =
  | { op: 'load'; token: number }
  | { op: 'exec'; token: number; since: number; claimed: boolean }
  | { op: 'kill'; token: number; since: number }
  | { op: 'force'; token: number }
  | null;

export interface Instance {
  readonly id: number;
  readonly name: string;
  image: KernelImage | null;
  state: InstanceState;
  pending: Pending;
  cpus: number[];
  /** v1: the instance names its CPU but the host keeps it until exec (facts §1.5). */
  reservedOnly: boolean;
  memBlocks: number[];
  devices: string[];
  llcWays: number;
  panicked: boolean;
  hung: boolean;
  /** Bumped each time the kernel stops running (halt, kill, panic): stale events are ignored. */
  epoch: number;
  ring: Ring;
  msgSeq: number;
  corruptBytes: number;
  bootedAt: number;
  stats: InstanceStats;
  traceHash: number;
  trace: string[] | null;
  dmesg: LogLine[];
}

export interface InstanceStats {
  ipisReceived: number;
  msgsSent: number;
  msgsReceived: number;
  enospc: number;
  stalls: number;
}

export interface LogLine {
  readonly t: number;
  readonly text: string;
}

export interface Device {
  readonly pci: string;
  readonly kind: DeviceKind;
  readonly numa: number;
  owner: number;
  /** An IOMMU domain exists for a lent device while the IOMMU is on (facts §1.7). */
  domain: boolean;
}

export interface PoolTx {
  readonly tx: number;
  readonly blocks: number[];
}

export interface LatencyWindow {
  completed: number;
  errors: number;
  misses: number;
  hist: number[];
}

export interface MetricPoint {
  readonly t: number;
  readonly tput: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly misses: number;
}

export interface Workload {
  readonly id: number;
  readonly name: string;
  readonly kind: WorkloadKind;
  kernel: number;
  load: number;
  backend: number;
  device: string | null;
  threads: number;
  /** CPUs its processes sit on (a kernel's own scheduler placed them). */
  placement: number[];
  rr: number;
  epoch: number;
  running: boolean;
  rng: RngState;
  reqSeq: number;
  /** Requests waiting on a backend: request id → arrival time. */
  waiting: Record<number, number>;
  win: LatencyWindow;
  history: MetricPoint[];
  totalCompleted: number;
  totalErrors: number;
  totalMisses: number;
}

export interface FaultRecord {
  readonly t: number;
  readonly kind: FaultKind;
  readonly target: string;
}

export interface Counters {
  events: number;
  stale: number;
  byKind: number[];
  sent: number;
  fates: Record<Fate, number>;
  dropReasons: Record<DropReason, number>;
  dmaBlocked: number;
  faults: Record<FaultKind, number>;
}

export interface Machine {
  readonly config: MachineConfig;
  version: ProposalVersion;
  iommu: boolean;
  now: number;
  seq: number;
  token: number;
  queue: Ev[];
  cpus: Cpu[];
  /** Owner of each 128 MiB block: instance id, or POOL. */
  blocks: number[];
  poolTx: PoolTx[];
  txSeq: number;
  devices: Device[];
  instances: Map<number, Instance>;
  workloads: Workload[];
  wlSeq: number;
  /** Shared-hardware pressure in ‰ added to job costs (illustrative; facts give no magnitude). */
  pressure: number;
  counters: Counters;
  hashLo: number;
  hashHi: number;
  /** Bounded list of recent notable events for the UI's log (never every IPI). */
  recent: Happening[];
  happeningSeq: number;
  faults: FaultRecord[];
  audit: Map<number, Fate> | null;
  floods: Flood[];
  seed: number;
  traffic: TrafficEvent[];
  trafficSeq: number;
  cpuLog: CpuMark[];
  cpuLogSeq: number;
  /** Last (owner, state) seen per CPU, as owner * 8 + state code. */
  cpuSeen: number[];
  /** With exportTrace: [cpu, start, duration, workload] per CPU slice, flattened. */
  slices: number[] | null;
}

export interface Flood {
  readonly from: number;
  readonly to: number;
  readonly interval: number;
  readonly raw: boolean;
  left: number;
  rr: number;
}

/** Something the event log narrates. Text is built by the UI from `kind` and fields. */
export interface Happening {
  readonly seq: number;
  readonly t: number;
  readonly kind: string;
  readonly kernel: number;
  readonly detail: Readonly<Record<string, string | number>>;
}
