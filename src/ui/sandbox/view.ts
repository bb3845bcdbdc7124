import type { InstanceState, ProposalVersion, WorkloadKind } from '../../contract';
import { useStore } from 'zustand';
import { simStore, type SimState } from '../../store/sim-store';
import { jsonMemo } from './memo';

/**
 * The parts of the live machine the forms offer as choices, each re-derived per frame but
 * handed to React only when it changed (jsonMemo). Owner codes: 0 = host, −1 = the pool.
 */

export interface InstanceChoice {
  readonly id: number;
  readonly name: string;
  readonly state: InstanceState;
  readonly stateLabel: string;
  readonly pending: string | null;
  readonly panicked: boolean;
  readonly hung: boolean;
  readonly cpus: readonly number[];
}
export interface CpuChoice {
  readonly id: number;
  readonly numa: number;
  readonly owner: number;
  readonly state: string;
}
export interface DeviceChoice {
  readonly pci: string;
  readonly kind: string;
  readonly owner: number;
  readonly domain: boolean;
}
export interface WorkloadChoice {
  readonly id: number;
  readonly name: string;
  readonly kind: WorkloadKind;
  readonly kernel: number;
  readonly load: number;
  readonly backend: number;
}
export interface PoolSummary {
  readonly cpus: readonly number[];
  readonly freeMiB: number;
  readonly totalMiB: number;
  readonly overlays: readonly number[];
}
export interface MachineSummary {
  readonly ready: boolean;
  readonly version: ProposalVersion;
  readonly iommu: boolean;
  readonly monolithic: boolean;
  readonly cpuCount: number;
  readonly numaNodes: number;
}

const NO_INSTANCES: readonly InstanceChoice[] = [];

const selectInstances = jsonMemo((s: SimState): readonly InstanceChoice[] =>
  s.view
    ? s.view.instances.map((i) => ({
        id: i.id,
        name: i.name,
        state: i.state,
        stateLabel: i.stateLabel,
        pending: i.pending,
        panicked: i.panicked,
        hung: i.hung,
        cpus: i.cpus,
      }))
    : NO_INSTANCES,
);
const selectCpus = jsonMemo((s: SimState): readonly CpuChoice[] =>
  (s.view?.cpus ?? []).map((c) => ({ id: c.id, numa: c.numa, owner: c.owner, state: c.state })),
);
const selectDevices = jsonMemo((s: SimState): readonly DeviceChoice[] =>
  (s.view?.devices ?? []).map((d) => ({
    pci: d.pci,
    kind: d.kind,
    owner: d.owner,
    domain: d.domain,
  })),
);
const selectWorkloads = jsonMemo((s: SimState): readonly WorkloadChoice[] =>
  (s.view?.workloads ?? []).map((w) => ({
    id: w.id,
    name: w.name,
    kind: w.kind,
    kernel: w.kernel,
    load: w.load,
    backend: w.backend,
  })),
);
const selectPool = jsonMemo(
  (s: SimState): PoolSummary => s.view?.pool ?? { cpus: [], freeMiB: 0, totalMiB: 0, overlays: [] },
);
const selectMachine = jsonMemo((s: SimState): MachineSummary => ({
  ready: s.view !== null,
  version: s.view?.version ?? 'github',
  iommu: s.view?.iommu ?? false,
  monolithic: s.view?.monolithic ?? false,
  cpuCount: s.view?.cpus.length ?? 0,
  numaNodes: (s.view?.cpus ?? []).reduce((n, c) => Math.max(n, c.numa + 1), 1),
}));

export const useInstances = () => useStore(simStore, selectInstances);
export const useCpus = () => useStore(simStore, selectCpus);
export const useDevices = () => useStore(simStore, selectDevices);
export const useWorkloads = () => useStore(simStore, selectWorkloads);
export const usePool = () => useStore(simStore, selectPool);
export const useMachine = () => useStore(simStore, selectMachine);
