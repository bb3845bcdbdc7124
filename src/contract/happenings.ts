import type { InstanceState } from './machine';

/**
 * What the event log narrates: state changes and faults, never one per IPI. The page must say how
 * to show every kind (its maps are `Record<HappeningKind, …>`), so a new kind fails to compile
 * until it does.
 */
export const HAPPENING_KINDS = [
  'instance.state',
  'instance.deleted',
  'panic',
  'lockup',
  'kill.timeout',
  'mailbox.claim',
  'claim-miss',
  'cpu.host',
  'cpu.offline',
  'cpu.online',
  'cpu.pool',
  'device.lend',
  'device.return',
  'dma.blocked',
  'dma.corrupt',
  'ipi-flood',
  'iommu',
  'pool.grow',
  'pressure',
  'scribble',
  'service.redirect',
  'stall',
  'version',
  'workload.start',
  'workload.stop',
] as const;
export type HappeningKind = (typeof HAPPENING_KINDS)[number];

/** The fields each kind carries (ids are instance ids; the page turns them into names). */
export interface HappeningDetails {
  'instance.state': { state: InstanceState };
  'instance.deleted': { name: string };
  panic: { why: string };
  lockup: Record<string, never>;
  'kill.timeout': Record<string, never>;
  'mailbox.claim': { cpu: number };
  'claim-miss': { cpu: number };
  'cpu.host': { cpu: number };
  'cpu.offline': { cpu: number };
  'cpu.online': { cpu: number };
  'cpu.pool': { cpu: number };
  'device.lend': { pci: string };
  'device.return': { pci: string };
  'dma.blocked': { pci: string };
  'dma.corrupt': { pci: string; bytes: number };
  'ipi-flood': { from: number; count: number };
  iommu: { on: 0 | 1 };
  'pool.grow': { mib: number; tx: number };
  pressure: { permille: number };
  scribble: { from: number; bytes: number; offsetMiB: number };
  'service.redirect': { name: string; backend: string };
  stall: { from: number; op: string };
  version: { version: string };
  'workload.start': { name: string };
  'workload.stop': { name: string };
}

export interface Happening {
  readonly seq: number;
  readonly t: number;
  readonly kind: HappeningKind;
  /** The instance it is about; -1 (the pool, or none) for machine-wide ones. */
  readonly kernel: number;
  readonly detail: Readonly<Record<string, string | number>>;
}
