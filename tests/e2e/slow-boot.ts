// A scenario file that passes every check a file can make but takes a long time to boot (issue
// 11, F2): 256 CPUs and 127 spawns, each exec'd while the servers started before it keep the
// machine busy (every setup step settles before the next, with all of them running). It needs
// about 2.3 million events to boot — far past `MAX_SETUP_EVENTS` — where the biggest machine the
// lab takes (big-machine.ts) needs under a thousand. Unbounded, trying it held the worker for
// tens of seconds and the page restarted it under the import.

const CPUS = 256;
const SPAWNS = 127;
const GIB = 1024;

type Step = Record<string, unknown> & { readonly type: string };

export function slowBootScenarioFile(): Record<string, unknown> {
  const setup: Step[] = [];
  for (let cpu = 2; cpu < CPUS; cpu++) setup.push({ type: 'cpu.toPool', cpu });
  setup.push({ type: 'workload.start', name: 'batch', kernel: 'host', kind: 'cpu', threads: 2 });
  for (let k = 1; k <= SPAWNS; k++) {
    const name = `k${k}`;
    setup.push(
      { type: 'instance.create', name, cpus: [2 * k, 2 * k + 1], memMiB: GIB },
      { type: 'instance.load', name },
      { type: 'instance.exec', name },
    );
    if (k % 2 === 0)
      setup.push(
        { type: 'workload.start', name: `db${k}`, kernel: name, kind: 'service', load: 1000 },
        {
          type: 'workload.start',
          name: `web${k - 1}`,
          kernel: `k${k - 1}`,
          kind: 'server',
          backend: name,
          load: 1000,
        },
      );
  }
  return {
    schema: 'mklab.scenario',
    v: 1,
    name: 'Slow to boot',
    seed: 1,
    config: {
      version: 'github',
      cpus: CPUS,
      numaNodes: 2,
      memoryMiB: 256 * GIB,
      poolMiB: 160 * GIB,
      devices: [],
      iommu: false,
      llcWays: 16,
      monolithic: false,
    },
    setup,
  };
}
