import type { useT } from '../hooks';
import { cpuStateKey, deviceKindKey } from './catalog';
import { ownerName } from '../owner-name';

type T = ReturnType<typeof useT>;
type Named = readonly { readonly id: number; readonly name: string }[];

/** The options of a device select: PCI id, kind and holder, the same wherever a device is chosen. */
export function deviceOptions(
  devices: readonly { readonly pci: string; readonly kind: string; readonly owner: number }[],
  instances: Named,
  t: T,
) {
  return devices.map((d) => ({
    value: d.pci,
    label: t('sandbox.device.option', {
      pci: d.pci,
      kind: t(deviceKindKey(d.kind)),
      owner: ownerName(d.owner, instances, t('cpus.pool')),
    }),
  }));
}

/** The options of a CPU select: id, owner and state. */
export function cpuOptions(
  cpus: readonly { readonly id: number; readonly owner: number; readonly state: string }[],
  instances: Named,
  t: T,
) {
  return cpus.map((c) => ({
    value: String(c.id),
    label: t('sandbox.cpu.option', {
      id: c.id,
      owner: ownerName(c.owner, instances, t('cpus.pool')),
      state: t(cpuStateKey(c.state)),
    }),
  }));
}
