import { GIB } from './time';
import type { DeviceSpec, Input, MachineConfig, Scenario } from './types';
import type { PresetId } from '../contract';

export { PRESET_IDS, type PresetId } from '../contract';

const NIC = '0000:03:00.0';
const NVME = '0000:04:00.0';
const SMALL_DEVICES: DeviceSpec[] = [
  { pci: NIC, kind: 'nic', numa: 0 },
  { pci: NVME, kind: 'nvme', numa: 0 },
  { pci: '0000:00:16.3', kind: 'serial', numa: 0 },
];

export const DEFAULT_CONFIG: MachineConfig = {
  version: 'github',
  cpus: 8,
  numaNodes: 1,
  memoryMiB: 16 * GIB,
  poolMiB: 4 * GIB,
  devices: SMALL_DEVICES,
  iommu: false,
  llcWays: 12,
  monolithic: false,
};

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const toPool = (cpus: number[]): Input[] => cpus.map((cpu) => ({ type: 'cpu.toPool', cpu }));

/** create → load → exec, as kerf does it. */
export function spawn(
  name: string,
  cpus: number[],
  memMiB: number,
  extra: Partial<{
    devices: string[];
    llcWays: number;
    kind: 'general' | 'realtime' | 'minimal';
  }> = {},
): Input[] {
  const create: Input = {
    type: 'instance.create',
    name,
    cpus,
    memMiB,
    ...(extra.devices ? { devices: extra.devices } : {}),
    ...(extra.llcWays ? { llcWays: extra.llcWays } : {}),
  };
  return [
    create,
    {
      type: 'instance.load',
      name,
      image: { name: 'vmlinuz-mk', version: '6.18.0-mk', kind: extra.kind ?? 'general' },
    },
    { type: 'instance.exec', name },
  ];
}

function twoKernels(): Scenario {
  return {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool(range(4, 7)),
      ...spawn('alpha', [4, 5], 2 * GIB),
      ...spawn('beta', [6, 7], 1 * GIB),
      { type: 'workload.start', name: 'db', kernel: 'alpha', kind: 'service' },
      {
        type: 'workload.start',
        name: 'web',
        kernel: 'host',
        kind: 'server',
        backend: 'alpha',
        load: 600,
      },
      {
        type: 'workload.start',
        name: 'api',
        kernel: 'beta',
        kind: 'server',
        backend: 'alpha',
        load: 400,
      },
      { type: 'workload.start', name: 'batch', kernel: 'beta', kind: 'cpu', threads: 1 },
    ],
  };
}

function monolithic(): Scenario {
  return {
    config: { ...DEFAULT_CONFIG, monolithic: true, poolMiB: 0 },
    setup: [
      { type: 'workload.start', name: 'web', kernel: 'host', kind: 'server', load: 700 },
      { type: 'workload.start', name: 'db', kernel: 'host', kind: 'io', device: NVME },
      { type: 'workload.start', name: 'batch', kernel: 'host', kind: 'cpu', threads: 2 },
    ],
  };
}

function webDb(): Scenario {
  return {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool(range(2, 5)),
      ...spawn('web', [2, 3], 2 * GIB, { devices: [NIC] }),
      ...spawn('db', [4, 5], 2 * GIB, { devices: [NVME] }),
      { type: 'workload.start', name: 'dbsvc', kernel: 'db', kind: 'service' },
      {
        type: 'workload.start',
        name: 'frontend',
        kernel: 'web',
        kind: 'server',
        backend: 'db',
        load: 800,
      },
    ],
  };
}

function realtime(): Scenario {
  return {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool(range(2, 5)),
      ...spawn('webk', [2, 3], 2 * GIB),
      ...spawn('rtk', [4, 5], 1 * GIB, { kind: 'realtime', llcWays: 4 }),
      { type: 'workload.start', name: 'web', kernel: 'webk', kind: 'server', load: 700 },
      { type: 'workload.start', name: 'rt', kernel: 'rtk', kind: 'rt' },
    ],
  };
}

function noisyNeighbour(): Scenario {
  return {
    config: DEFAULT_CONFIG,
    setup: [
      ...toPool(range(2, 7)),
      ...spawn('webk', [2, 3], 2 * GIB),
      ...spawn('noisyk', [4, 5], 1 * GIB),
      ...spawn('rtk', [6, 7], 512, { kind: 'realtime' }),
      { type: 'workload.start', name: 'web', kernel: 'webk', kind: 'server', load: 700 },
      { type: 'workload.start', name: 'noisy', kernel: 'noisyk', kind: 'noisy' },
      { type: 'workload.start', name: 'rt', kernel: 'rtk', kind: 'rt' },
    ],
  };
}

/** 64 CPUs, 8 kernels (host + 7 spawns), every kind of workload: the busy preset of DESIGN §8. */
function datacenter(): Scenario {
  const devices: DeviceSpec[] = [];
  for (let i = 0; i < 4; i++)
    devices.push({ pci: `0000:${(0x10 + i).toString(16)}:00.0`, kind: 'nic', numa: i < 2 ? 0 : 1 });
  for (let i = 0; i < 4; i++)
    devices.push({
      pci: `0000:${(0x20 + i).toString(16)}:00.0`,
      kind: 'nvme',
      numa: i < 2 ? 0 : 1,
    });
  const setup: Input[] = [...toPool(range(8, 63))];
  for (let k = 1; k <= 7; k++) {
    const dev = k <= 4 ? [devices[k + 3]?.pci as string] : [];
    setup.push(
      ...spawn(`k${k}`, range(k * 8, k * 8 + 7), 16 * GIB, {
        devices: dev,
        ...(k === 4 ? { kind: 'realtime' as const, llcWays: 4 } : {}),
      }),
    );
  }
  setup.push(
    { type: 'workload.start', name: 'app1', kernel: 'k1', kind: 'service', threads: 4 },
    {
      type: 'workload.start',
      name: 'lb',
      kernel: 'host',
      kind: 'server',
      backend: 'k1',
      threads: 4,
    },
    {
      type: 'workload.start',
      name: 'store1',
      kernel: 'k1',
      kind: 'io',
      device: devices[4]?.pci as string,
    },
    {
      type: 'workload.start',
      name: 'web2',
      kernel: 'k2',
      kind: 'server',
      backend: 'k3',
      threads: 4,
    },
    { type: 'workload.start', name: 'db3', kernel: 'k3', kind: 'service', threads: 4 },
    {
      type: 'workload.start',
      name: 'store3',
      kernel: 'k3',
      kind: 'io',
      device: devices[6]?.pci as string,
    },
    { type: 'workload.start', name: 'rt4', kernel: 'k4', kind: 'rt' },
    { type: 'workload.start', name: 'web4', kernel: 'k4', kind: 'server', load: 500 },
    { type: 'workload.start', name: 'noisy5', kernel: 'k5', kind: 'noisy', threads: 4 },
    { type: 'workload.start', name: 'batch6', kernel: 'k6', kind: 'cpu', threads: 8 },
    { type: 'workload.start', name: 'web7', kernel: 'k7', kind: 'server', threads: 8 },
    {
      type: 'workload.start',
      name: 'api7',
      kernel: 'k7',
      kind: 'server',
      backend: 'k3',
      load: 500,
    },
  );
  return {
    config: {
      version: 'github',
      cpus: 64,
      numaNodes: 2,
      memoryMiB: 256 * GIB,
      poolMiB: 160 * GIB,
      devices,
      iommu: false,
      llcWays: 16,
      monolithic: false,
    },
    setup,
  };
}

const BUILDERS: Record<PresetId, () => Scenario> = {
  'two-kernels': twoKernels,
  monolithic,
  'web-db': webDb,
  realtime,
  'noisy-neighbour': noisyNeighbour,
  datacenter,
};

export function preset(id: PresetId): Scenario {
  return BUILDERS[id]();
}
