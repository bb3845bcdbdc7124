import type { Input, Scenario } from './types';

/**
 * The monolithic twin (DESIGN §3): the same machine, seed and workloads on one kernel. Every
 * workload runs in the host; a backend in another kernel becomes a service beside its front end.
 */
export function twinScenario(s: Scenario): Scenario {
  return {
    config: { ...s.config, monolithic: true, poolMiB: 0 },
    ...(s.warmupNs === undefined ? {} : { warmupNs: s.warmupNs }),
    setup: s.setup.flatMap((i) => {
      const t = twinInput(i);
      return t ? [t] : [];
    }),
  };
}

/** The twin's version of an input, or null when the twin has nothing like it. */
export function twinInput(i: Input): Input | null {
  switch (i.type) {
    case 'workload.start': {
      const { backend, ...rest } = i;
      return backend === undefined
        ? { ...rest, kernel: 'host' }
        : { ...rest, kernel: 'host', backend: 'host' };
    }
    case 'workload.stop':
    case 'workload.load':
      return i;
    case 'fault':
      if (i.kind === 'panic' || i.kind === 'lockup')
        return { type: 'fault', kind: i.kind, target: 'host' };
      if (i.kind === 'machine-wide') return { ...i, from: 'host' };
      return null;
    case 'cpu.hotplug':
    case 'iommu.set':
      return i;
    default:
      return null;
  }
}
