import type { RngState } from './rng';
import type { Ev } from './heap';
import type { CpuMark, TrafficEvent } from './visual';
import type {
  CpuState,
  DeviceKind,
  DropReason,
  Fate,
  FaultKind,
  Happening,
  InstanceState,
  KernelImage,
  MachineConfig,
  MetricPoint,
  MsgCategory,
  ProposalVersion,
  WorkloadKind,
} from '../contract';

// The machine's vocabulary (versions, states, inputs, errors, views) is the contract's
// (src/contract), shared with the page; what follows is the machine's own state.
export type {
  ApplyResult,
  CpuState,
  DeviceKind,
  DeviceSpec,
  DropReason,
  Errno,
  Fate,
  FaultInput,
  FaultKind,
  Happening,
  Input,
  InstanceState,
  KernelImage,
  MachineConfig,
  MetricPoint,
  MsgCategory,
  ProposalVersion,
  Scenario,
  SimError,
  WorkloadKind,
} from '../contract';
export { FAULT_KINDS, HOST, MAX_INSTANCE_ID, POOL, PROPOSAL_VERSIONS } from '../contract';

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
  /** Requests waiting on a backend or device: [request id, arrival time] pairs (src/sim/waiting.ts). */
  waiting: number[];
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
  /** The traffic buffer's oldest events, as objects; read it with `trafficOf` (visual.ts). */
  traffic: TrafficEvent[];
  /** Its newest events, not yet objects: a ring of numbers and strings (visual.ts). */
  trafficNums: Float64Array;
  trafficTexts: string[];
  trafficRawAt: number;
  trafficRawCount: number;
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
