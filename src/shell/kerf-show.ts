import { HOST, POOL, type Instance, type Machine } from '../sim';
import { instanceDts } from './device-tree';
import {
  BLOCK_BYTES,
  KIMAGE_SEGMENTS,
  blockAddr,
  deviceNames,
  hasKimage,
  kimageStart,
  poolChunks,
  poolCpus,
  spawns,
  statusOf,
} from './model';
import { gb2, hex, hexPad, pyList } from './text';

// `kerf show`: the baseline hardware and each instance, as kerf prints them.

const RULE = '='.repeat(80);
const row = (key: string, value: string | number) => `    ${key.padEnd(15)} ${value}`;

function showInstance(m: Machine, inst: Instance): string[] {
  const out = ['', RULE, `Instance: ${inst.name}`, RULE];
  out.push(`  ID:              ${inst.id}`, `  Status:          ${statusOf(m, inst)}`);
  if (hasKimage(inst) && inst.image) {
    out.push('', '  Kernel Image:');
    out.push(
      row('Mk Id', inst.id),
      row('Type', 'multikernel'),
      row('Start Address', `0x${hexPad(kimageStart(inst), 12)}`),
      row('Segments', KIMAGE_SEGMENTS),
      row('Image', `/boot/${inst.image.name}`),
      row('Version', inst.image.version),
    );
  }
  out.push('', '  Device Tree:');
  for (const l of instanceDts(m, inst)) if (l.trim()) out.push(`    ${l}`);
  return out;
}

function showBaseline(m: Machine): string[] {
  const { all, free } = poolCpus(m);
  const hostCpus = m.cpus.filter((c) => c.owner === HOST).map((c) => c.id);
  const total = m.blocks.length * BLOCK_BYTES;
  const hostBytes = m.blocks.filter((o) => o === HOST).length * BLOCK_BYTES;
  const out = ['', RULE, 'Baseline Hardware Resources', RULE, '', '  CPUs:'];
  out.push(
    `    Total:           ${m.cpus.length}`,
    `    Host Reserved:   ${hostCpus.length} cpus: ${pyList(hostCpus)}`,
    `    Pool CPUs:       ${all.length} cpus: ${pyList(all)}`,
    `    Available CPUs:  ${free.length} cpus: ${pyList(free)}`,
    '',
    '  Memory:',
    `    Total:           ${gb2(total)} GB (${total} bytes)`,
    `    Host Reserved:   ${gb2(hostBytes)} GB (${hostBytes} bytes)`,
    '',
    '  Memory Pool:',
  );
  const chunks = poolChunks(m);
  if (chunks.length === 0) out.push('    No memory pool configured');
  for (const ch of chunks) {
    out.push(
      `    Chunk:           0x${hex(blockAddr(ch.start))}  ${gb2(ch.count * BLOCK_BYTES)} GB`,
    );
  }
  if (chunks.length > 0) {
    const pool = m.blocks.filter((o) => o !== HOST).length * BLOCK_BYTES;
    const used = m.blocks.filter((o) => o !== HOST && o !== POOL).length * BLOCK_BYTES;
    out.push(
      `    Pool Allocated:  ${gb2(used)} GB (${used} bytes)`,
      `    Pool Available:  ${gb2(pool - used)} GB (${pool - used} bytes)`,
    );
  }
  if (m.devices.length > 0) {
    const names = deviceNames(m);
    out.push('', '  Devices:');
    for (const d of [...m.devices].sort((a, b) => (a.pci < b.pci ? -1 : 1))) {
      out.push(
        `    ${names.get(d.pci) ?? d.pci}:`,
        `      Compatible:    ${d.kind === 'nic' ? 'pci-network' : d.kind === 'nvme' ? 'pci-storage' : 'pci-serial'}`,
        '      Type:          pci',
        `      PCI ID:        ${d.pci}`,
      );
    }
  }
  return out;
}

/** `kerf show [NAME]` (kerf src/kerf/show/main.py), from the machine's state. */
export function kerfShow(m: Machine, name: string | null): string[] {
  if (name !== null) {
    const inst = spawns(m).find((i) => i.name === name);
    return inst ? showInstance(m, inst) : [];
  }
  const out = m.version === 'github' ? showBaseline(m) : [];
  const all = spawns(m);
  if (all.length === 0) {
    out.push('', RULE, 'No instances found in /sys/fs/multikernel/instances/');
    return out;
  }
  out.push('', RULE, 'Multikernel Instances', RULE, `Total instances: ${all.length}`);
  const loaded = all.filter(hasKimage).length;
  if (loaded > 0) out.push(`Loaded kernels: ${loaded}`);
  out.push('');
  for (const inst of all) out.push(...showInstance(m, inst));
  out.push('');
  return out;
}
