import type { KernelImage, MsgCategory, ProposalVersion, WorkloadKind } from './types';

// Inputs: the only way anything acts on the machine (DESIGN §2). Plain data, JSON-safe.

export type Input =
  | {
      readonly type: 'instance.create';
      readonly name: string;
      readonly cpus: readonly number[];
      readonly memMiB: number;
      readonly devices?: readonly string[];
      readonly id?: number;
      readonly llcWays?: number;
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
      readonly op?: 'wbinvd' | 'split-lock';
    }
  | { readonly type: 'fault'; readonly kind: 'claim-miss'; readonly cpu: number };
