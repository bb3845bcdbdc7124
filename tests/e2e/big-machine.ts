// The biggest machine the lab takes (issue 11): 256 CPUs and 128 kernels — the host on CPUs 0–1
// and 127 spawns of two CPUs each — half of them serving the other half over IPIs. Opened as a
// replay link (`#r=`, a whole scenario in its config), as a person sharing it would.
import type { Page } from '@playwright/test';

const CPUS = 256;
const SPAWNS = 127;
const GIB = 1024;

type Step = Record<string, unknown> & { readonly type: string };

/** The scenario: every spawn created, loaded and started at t = 0; odd ones serve even ones. */
export function bigMachineScenario(): { config: object; setup: Step[] } {
  const setup: Step[] = [];
  for (let cpu = 2; cpu < CPUS; cpu++) setup.push({ type: 'cpu.toPool', cpu });
  for (let k = 1; k <= SPAWNS; k++) {
    const name = `k${k}`;
    setup.push(
      { type: 'instance.create', name, cpus: [2 * k, 2 * k + 1], memMiB: GIB },
      {
        type: 'instance.load',
        name,
        image: { name: 'vmlinuz-mk', version: '6.18.0-mk', kind: 'general' },
      },
      { type: 'instance.exec', name },
    );
  }
  // Pairs (k, k+1): a service in the even kernel, a server calling it from the odd one.
  for (let k = 1; k + 1 <= SPAWNS; k += 2) {
    setup.push(
      { type: 'workload.start', name: `db${k + 1}`, kernel: `k${k + 1}`, kind: 'service' },
      {
        type: 'workload.start',
        name: `web${k}`,
        kernel: `k${k}`,
        kind: 'server',
        backend: `k${k + 1}`,
        load: 300,
      },
    );
  }
  setup.push({ type: 'workload.start', name: 'batch', kernel: 'host', kind: 'cpu', threads: 2 });
  return {
    config: {
      version: 'github',
      cpus: CPUS,
      numaNodes: 2,
      memoryMiB: 256 * GIB,
      poolMiB: 160 * GIB,
      devices: [
        { pci: '0000:03:00.0', kind: 'nic', numa: 0 },
        { pci: '0000:04:00.0', kind: 'nvme', numa: 1 },
      ],
      iommu: false,
      llcWays: 16,
      monolithic: false,
    },
    setup,
  };
}

/**
 * The engine version the app under test puts in its links, read from the page itself (the
 * worker's handshake): a link made with it opens without an "another engine" notice, and one
 * made by a stale copy would show that notice. `base` is the server's origin when the page has
 * no baseURL.
 */
export async function pageEngine(page: Page, base = ''): Promise<number> {
  await page.goto(`${base}/?testhooks`);
  const engine = await page.waitForFunction(() => window.__mklab?.engine() ?? null);
  return (await engine.jsonValue()) as number;
}

/** The page's address for the big machine (with test hooks), relative to the server's root. */
export function bigMachinePath(engine: number): string {
  const replay = {
    schema: 1,
    engine,
    config: { scenario: bigMachineScenario(), seed: 1 },
    log: [],
  };
  return `/?testhooks&seed=1#r=${Buffer.from(JSON.stringify(replay)).toString('base64url')}`;
}
