import type { LogEntry } from './create';
import { MS, S } from './time';

/**
 * The script the golden trace hashes run on the datacenter preset: every event kind and every
 * fault happens at least once (tests/unit/golden.test.ts checks that it does).
 */
export const GOLDEN_SEEDS = [1, 42, 20251018] as const;
export const GOLDEN_UNTIL = 34 * S;
export const GOLDEN_LOG: readonly LogEntry[] = [
  {
    atNs: 50 * MS,
    input: { type: 'fault', kind: 'ipi-flood', from: 'k2', target: 'k1', count: 200 },
  },
  {
    atNs: 60 * MS,
    input: {
      type: 'fault',
      kind: 'ipi-flood',
      from: 'k5',
      target: 'k2',
      count: 500,
      intervalNs: 2000,
      raw: true,
    },
  },
  { atNs: 100 * MS, input: { type: 'fault', kind: 'panic', target: 'k6' } },
  { atNs: 150 * MS, input: { type: 'instance.exec', name: 'k6' } },
  {
    atNs: 300 * MS,
    input: { type: 'fault', kind: 'scribble', from: 'k5', target: 'k7', offsetMiB: 0 },
  },
  { atNs: 320 * MS, input: { type: 'fault', kind: 'dma', device: '0000:20:00.0', target: 'k3' } },
  { atNs: 330 * MS, input: { type: 'iommu.set', on: true } },
  { atNs: 331 * MS, input: { type: 'fault', kind: 'dma', device: '0000:20:00.0', target: 'k3' } },
  { atNs: 400 * MS, input: { type: 'fault', kind: 'machine-wide', from: 'k4', op: 'wbinvd' } },
  { atNs: 450 * MS, input: { type: 'instance.memAdd', name: 'k3', memMiB: 512 } },
  { atNs: 500 * MS, input: { type: 'fault', kind: 'lockup', target: 'k2' } },
  { atNs: 510 * MS, input: { type: 'instance.kill', name: 'k2' } },
  { atNs: 31 * S, input: { type: 'instance.kill', name: 'k2', force: true } },
  { atNs: 31_100 * MS, input: { type: 'instance.kill', name: 'k3' } },
  { atNs: 31_200 * MS, input: { type: 'fault', kind: 'claim-miss', cpu: 56 } },
  { atNs: 31_210 * MS, input: { type: 'instance.exec', name: 'k7' } },
  { atNs: 32_300 * MS, input: { type: 'instance.delete', name: 'k7' } },
  { atNs: 32_400 * MS, input: { type: 'cpu.hotplug', cpu: 3, online: false } },
  { atNs: 32_500 * MS, input: { type: 'pool.grow', memMiB: 1024 } },
  { atNs: 32_600 * MS, input: { type: 'device.return', pci: '0000:21:00.0' } },
  { atNs: 32_700 * MS, input: { type: 'version.set', version: 'v2' } },
  { atNs: 32_710 * MS, input: { type: 'instance.create', name: 'k8', cpus: [4, 5], memMiB: 2048 } },
  { atNs: 32_720 * MS, input: { type: 'instance.load', name: 'k8' } },
  { atNs: 32_740 * MS, input: { type: 'instance.exec', name: 'k8' } },
  { atNs: 33 * S, input: { type: 'cpu.hotplug', cpu: 3, online: true } },
  {
    atNs: 33_100 * MS,
    input: { type: 'workload.start', name: 'batch8', kernel: 'k8', kind: 'cpu' },
  },
];
