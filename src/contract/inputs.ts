import type {
  KernelImage,
  MachineConfig,
  MachineWideOp,
  MsgCategory,
  ProposalVersion,
  WorkloadKind,
} from './machine';

// Inputs: the only way anything acts on the machine (DESIGN §2). Plain data, JSON-safe.
// `Input` is what the simulator applies; `LabInput` is the one union the worker takes and logs:
// machine inputs, shell lines and the lessons' own inputs.

export type Input =
  | {
      readonly type: 'instance.create';
      readonly name: string;
      readonly cpus: readonly number[];
      readonly memMiB: number;
      readonly devices?: readonly string[];
      readonly id?: number;
      readonly llcWays?: number;
      /** The first of the instance's memory blocks (kerf create --memory-base); first fit without. */
      readonly memBlock?: number;
    }
  | { readonly type: 'instance.load'; readonly name: string; readonly image?: KernelImage }
  | { readonly type: 'instance.exec'; readonly name: string }
  | { readonly type: 'instance.kill'; readonly name: string; readonly force?: boolean }
  | { readonly type: 'instance.unload'; readonly name: string }
  | { readonly type: 'instance.delete'; readonly name: string }
  | { readonly type: 'instance.memAdd'; readonly name: string; readonly memMiB: number }
  | { readonly type: 'cpu.hotplug'; readonly cpu: number; readonly online: boolean }
  | { readonly type: 'cpu.toPool'; readonly cpu: number }
  | { readonly type: 'cpu.fromPool'; readonly cpu: number }
  | { readonly type: 'pool.grow'; readonly memMiB: number; readonly numa?: number }
  | { readonly type: 'pool.rollback'; readonly tx: number }
  | { readonly type: 'device.lend'; readonly pci: string; readonly name: string }
  | { readonly type: 'device.return'; readonly pci: string }
  | { readonly type: 'iommu.set'; readonly on: boolean }
  | { readonly type: 'version.set'; readonly version: ProposalVersion }
  | {
      readonly type: 'msg.send';
      readonly from: string;
      readonly to: string;
      readonly category: MsgCategory;
      readonly subtype?: string;
      readonly bytes?: number;
    }
  | {
      readonly type: 'workload.start';
      readonly name: string;
      readonly kernel: string;
      readonly kind: WorkloadKind;
      readonly load?: number;
      readonly backend?: string;
      readonly device?: string;
      readonly threads?: number;
    }
  | { readonly type: 'workload.stop'; readonly name: string }
  | { readonly type: 'workload.load'; readonly name: string; readonly load: number }
  | { readonly type: 'service.redirect'; readonly name: string; readonly backend: string }
  | FaultInput;

export type FaultInput =
  | { readonly type: 'fault'; readonly kind: 'panic' | 'lockup'; readonly target: string }
  | {
      readonly type: 'fault';
      readonly kind: 'scribble';
      readonly from: string;
      readonly target: string;
      readonly offsetMiB?: number;
      readonly bytes?: number;
    }
  | {
      readonly type: 'fault';
      readonly kind: 'dma';
      readonly device: string;
      readonly target: string;
      readonly bytes?: number;
    }
  | {
      readonly type: 'fault';
      readonly kind: 'ipi-flood';
      readonly from: string;
      readonly target: string;
      readonly count?: number;
      readonly intervalNs?: number;
      /** Bare IPIs at every CPU of the target (a DoS), instead of messages into its ring. */
      readonly raw?: boolean;
    }
  | {
      readonly type: 'fault';
      readonly kind: 'machine-wide';
      readonly from: string;
      readonly op?: MachineWideOp;
    }
  | { readonly type: 'fault'; readonly kind: 'claim-miss'; readonly cpu: number };

/**
 * A line typed into the shell: logged with its simulated time like any input and, on replay,
 * parsed again into the same machine inputs.
 */
export interface ShellLine {
  readonly type: 'shell.line';
  readonly line: string;
}

/**
 * What a lesson adds. Both are logged like any input, so replay = seed + log covers lessons too.
 * - `lesson.step`: the learner moved to step `step` (0-based); goal tracking starts again here.
 * - `twin.only`: an input for the monolithic twin alone (L5: "panic the twin's kernel").
 */
export type LessonInput =
  | { readonly type: 'lesson.step'; readonly step: number }
  | { readonly type: 'twin.only'; readonly input: Input };

/** The one input union: what the page sends the worker and what the engine's log holds. */
export type LabInput = Input | ShellLine | LessonInput;

export type InputType = Input['type'];

/** Every machine input type, in the order the docs list them. */
export const INPUT_TYPES = [
  'instance.create',
  'instance.load',
  'instance.exec',
  'instance.kill',
  'instance.unload',
  'instance.delete',
  'instance.memAdd',
  'cpu.hotplug',
  'cpu.toPool',
  'cpu.fromPool',
  'pool.grow',
  'pool.rollback',
  'device.lend',
  'device.return',
  'iommu.set',
  'version.set',
  'msg.send',
  'workload.start',
  'workload.stop',
  'workload.load',
  'service.redirect',
  'fault',
] as const satisfies readonly InputType[];

/** The inputs a scenario's setup may hold: building the machine, not acting on it. */
export const SETUP_TYPES = [
  'cpu.toPool',
  'cpu.fromPool',
  'cpu.hotplug',
  'pool.grow',
  'iommu.set',
  'instance.create',
  'instance.load',
  'instance.exec',
  'device.lend',
  'workload.start',
] as const satisfies readonly InputType[];

/** A scenario is a machine and what is done to it at t = 0. Replay = scenario + seed + log. */
export interface Scenario {
  readonly config: MachineConfig;
  readonly setup: readonly Input[];
  /**
   * Simulated time the machine runs after its setup before it opens (ns, at most
   * `MAX_WARMUP_NS`): its workloads have measured windows, so a chart and a check that compares
   * with "before" have a value to start from.
   */
  readonly warmupNs?: number;
}

/** One entry of an input log: the input and the simulated time it was applied at. */
export interface LogEntry<I = LabInput> {
  readonly atNs: number;
  readonly input: I;
}
