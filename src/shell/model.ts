import { HOST, POOL, type Device, type Instance, type KernelImage, type Machine } from '../sim';
import { BLOCK_MIB } from '../sim/time';
import { MIB_BYTES } from './text';

/** Physical address of a 128 MiB memory block (the lab's RAM starts at 0). */
export const blockAddr = (b: number): number => b * BLOCK_MIB * MIB_BYTES;
export const BLOCK_BYTES = BLOCK_MIB * MIB_BYTES;

/** Spawned instances (not the host), by id. */
export function spawns(m: Machine): Instance[] {
  return [...m.instances.values()].filter((i) => i.id !== HOST).sort((a, b) => a.id - b.id);
}

export function spawnNamed(m: Machine, name: string): Instance | undefined {
  return spawns(m).find((i) => i.name === name);
}

/** The `status` file: v2 called the loaded state "loading" (facts §1.4). */
export function statusOf(m: Machine, inst: Instance): string {
  return m.version === 'v2' && inst.state === 'loaded' ? 'loading' : inst.state;
}

/** A kernel image is in the kimage list once its load has finished. */
export function hasKimage(inst: Instance): boolean {
  return inst.image !== null && inst.pending?.op !== 'load';
}

/** Entry point of a loaded image: 16 MiB into the instance's memory (model assumption). */
export function kimageStart(inst: Instance): number {
  const first = Math.min(...inst.memBlocks);
  return Number.isFinite(first) ? blockAddr(first) + 16 * MIB_BYTES : 0;
}
/** Segments a kexec_file_load of a bzImage leaves (kernel, boot params, cmdline, purgatory). */
export const KIMAGE_SEGMENTS = 4;

/** Kernel images under /boot, as `kerf load --kernel=` finds them (lab catalogue). */
export const BOOT_IMAGES: Readonly<Record<string, Omit<KernelImage, 'name'>>> = {
  vmlinuz: { version: '6.18.0-mk', kind: 'general' },
  'vmlinuz-6.18.0-mk': { version: '6.18.0-mk', kind: 'general' },
  'vmlinuz-new': { version: '6.19.0-mk', kind: 'general' },
  'vmlinuz-rt': { version: '6.18.0-mk-rt', kind: 'realtime' },
  'vmlinuz-minimal': { version: '6.18.0-mk-tiny', kind: 'minimal' },
};
export const BOOT_FILES = [...Object.keys(BOOT_IMAGES), 'initrd.img'].sort();

const KIND_ORDER = ['nic', 'nvme', 'serial'] as const;
const ALIAS_STEM: Record<Device['kind'], string> = { nic: 'eth', nvme: 'nvme', serial: 'ttyS' };

/** Device names for kerf's `--devices=` (eth0, nvme0, ttyS0), numbered by PCI id within a kind. */
export function deviceNames(m: Machine): Map<string, string> {
  const names = new Map<string, string>();
  for (const kind of KIND_ORDER) {
    m.devices
      .filter((d) => d.kind === kind)
      .map((d) => d.pci)
      .sort()
      .forEach((pci, i) => names.set(pci, `${ALIAS_STEM[kind]}${i}`));
  }
  return names;
}

/** A device by PCI id or by its kerf name. */
export function findDevice(m: Machine, ref: string): Device | undefined {
  const byName = [...deviceNames(m)].find(([, n]) => n === ref)?.[0];
  return m.devices.find((d) => d.pci === ref || d.pci === byName);
}

export function ownerName(m: Machine, id: number): string {
  if (id === POOL) return 'pool';
  return m.instances.get(id)?.name ?? `instance ${id}`;
}

/** Maximal runs of memory blocks that are not the host's: the pool's chunks. */
export function poolChunks(m: Machine): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  m.blocks.forEach((o, b) => {
    if (o === HOST) return;
    const last = out[out.length - 1];
    if (last && last.start + last.count === b) last.count++;
    else out.push({ start: b, count: 1 });
  });
  return out;
}

/** The CPUs the pool manages: free pool CPUs and those lent to instances (GitHub tree). */
export function poolCpus(m: Machine): { all: number[]; free: number[] } {
  const free = m.cpus.filter((c) => c.owner === POOL).map((c) => c.id);
  const lent = spawns(m).flatMap((i) => i.cpus);
  return { all: [...new Set([...free, ...lent])].sort((a, b) => a - b), free };
}

/** Which L3 ways each instance holds, as a mask counted down from the top way (display only). */
export function llcMask(m: Machine, inst: Instance): number {
  let top = m.config.llcWays;
  for (const i of spawns(m)) {
    if (i.llcWays === 0) continue;
    const mask = ((1 << i.llcWays) - 1) << (top - i.llcWays);
    if (i.id === inst.id) return mask >>> 0;
    top -= i.llcWays;
  }
  return 0;
}
