import { HOST, POOL, type Instance, type Machine } from '../sim';
import {
  BLOCK_BYTES,
  KIMAGE_SEGMENTS,
  blockAddr,
  deviceNames,
  hasKimage,
  kimageStart,
  llcMask,
  ownerName,
  poolChunks,
  poolCpus,
  spawns,
  statusOf,
} from './model';
import { GIB_BYTES, MIB_BYTES, gb2, hex, hexPad, pyList, stamp } from './text';

// Text the kernel and kerf print, built from the machine's state. Shapes follow the sources
// named in docs/shell.md; values that the sources do not give are the lab's (and say so there).

/** /proc/iomem: `%0*llx-%0*llx : name`, children indented two spaces (kernel/resource.c). */
export function iomem(m: Machine): string[] {
  const out: string[] = [];
  const line = (depth: number, a: number, b: number, name: string) =>
    out.push(`${'  '.repeat(depth)}${hexPad(a, 8)}-${hexPad(b, 8)} : ${name}`);
  let b = 0;
  while (b < m.blocks.length) {
    const host = m.blocks[b] === HOST;
    let e = b;
    while (e + 1 < m.blocks.length && (m.blocks[e + 1] === HOST) === host) e++;
    line(0, blockAddr(b), blockAddr(e + 1) - 1, host ? 'System RAM' : 'Multikernel Memory Pool');
    if (!host && m.version === 'github') {
      // The GitHub tree's per-instance carve-outs (kerf reads them back from here).
      let c = b;
      while (c <= e) {
        const owner = m.blocks[c] as number;
        let d = c;
        while (d + 1 <= e && m.blocks[d + 1] === owner) d++;
        if (owner !== POOL) {
          line(1, blockAddr(c), blockAddr(d + 1) - 1, `multikernel instance ${owner}`);
        }
        c = d + 1;
      }
    }
    b = e + 1;
  }
  return out;
}

/** /proc/kimage (v2 patch 11): `%5d  %-10s  0x%012lx  %8lu`. */
export function kimage(m: Machine): string[] {
  const out = [
    'MK_ID  Type        Start Address   Segments',
    '-----  ----------  --------------  --------',
  ];
  const loaded = spawns(m).filter(hasKimage);
  if (loaded.length === 0) return [...out, 'No kimages loaded'];
  for (const i of loaded) {
    out.push(
      `${String(i.id).padStart(5)}  ${'multikernel'.padEnd(10)}  0x${hexPad(kimageStart(i), 12)}  ${String(KIMAGE_SEGMENTS).padStart(8)}`,
    );
  }
  return out;
}

/** /proc/multikernel (v1 patch 7): `%-10s  0x%012lx  %8lu`, no instance ids. */
export function procMultikernel(m: Machine): string[] {
  const out = ['Type        Start Address   Segments', '----------  --------------  --------'];
  const loaded = spawns(m).filter(hasKimage);
  if (loaded.length === 0) return [...out, 'No kimages loaded'];
  for (const i of loaded) {
    out.push(
      `${'multikernel'.padEnd(10)}  0x${hexPad(kimageStart(i), 12)}  ${String(KIMAGE_SEGMENTS).padStart(8)}`,
    );
  }
  return out;
}

/** /proc/cpuinfo, abridged: the CPUs the host has online (a pool or spawn CPU is not listed). */
export function cpuinfo(m: Machine): string[] {
  const out: string[] = [];
  const perNode = new Map<number, number>();
  for (const c of m.cpus) {
    const core = perNode.get(c.numa) ?? 0;
    perNode.set(c.numa, core + 1);
    if (c.owner !== HOST || c.state !== 'online') continue;
    out.push(
      `processor\t: ${c.id}`,
      'vendor_id\t: GenuineIntel',
      'model name\t: Multikernel Lab virtual CPU',
      `physical id\t: ${c.numa}`,
      `core id\t\t: ${core}`,
      `apicid\t\t: ${c.id}`,
      `initial apicid\t: ${c.id}`,
      '',
    );
  }
  return out;
}

export function cmdline(m: Machine): string[] {
  const pool = m.config.poolMiB;
  const size = pool % 1024 === 0 ? `${pool / 1024}G` : `${pool}M`;
  return [
    `BOOT_IMAGE=/boot/vmlinuz root=/dev/nvme0n1p2 ro quiet${m.config.monolithic || pool === 0 ? '' : ` mkkernel_pool=${size}`}`,
  ];
}

export function procVersion(): string[] {
  return ['Linux version 6.18.0-mk (root@mklab) (gcc 14.2.0) #1 SMP PREEMPT_DYNAMIC'];
}

const PCI_CLASS: Record<string, string> = {
  nic: 'Ethernet controller: Multikernel Lab NIC (multi-queue)',
  nvme: 'Non-Volatile memory controller: Multikernel Lab NVMe SSD',
  serial: 'Serial controller: 16550A UART',
};
const DRIVER: Record<string, string> = { nic: 'ixgbe', nvme: 'nvme', serial: 'serial' };

/** lspci, abridged; a lent device carries the lab's note of where it went. */
export function lspci(m: Machine, domain: boolean, drivers: boolean): string[] {
  const out: string[] = [];
  for (const d of [...m.devices].sort((a, b) => (a.pci < b.pci ? -1 : 1))) {
    out.push(`${domain ? d.pci : d.pci.slice(5)} ${PCI_CLASS[d.kind] ?? d.kind}`);
    if (drivers && d.owner === HOST)
      out.push(`\tKernel driver in use: ${DRIVER[d.kind] ?? d.kind}`);
    if (d.owner !== HOST) {
      out.push(
        `\tmultikernel: lent to instance ${d.owner} (${ownerName(m, d.owner)})${d.domain ? ', own IOMMU domain' : ''}`,
      );
    }
  }
  return out;
}

/** Every kernel's log, merged by time; a spawn's lines are tagged with its name (lab). */
export function dmesg(m: Machine): string[] {
  const rows: { t: number; id: number; i: number; text: string }[] = [];
  for (const inst of m.instances.values()) {
    inst.dmesg.forEach((l, i) =>
      rows.push({
        t: l.t,
        id: inst.id,
        i,
        text: inst.id === HOST ? l.text : `[${inst.name}] ${l.text}`,
      }),
    );
  }
  rows.sort((a, b) => a.t - b.t || a.id - b.id || a.i - b.i);
  return rows.map((r) => `${stamp(r.t)} ${r.text}`);
}

/** One kernel's own log, as its console shows it. */
export function consoleLog(inst: Instance): string[] {
  return inst.dmesg.map((l) => `${stamp(l.t)} ${l.text}`);
}

const cells64 = (v: number) =>
  `0x${hex(Math.floor(v / 0x100000000))} 0x${hexPad(v % 0x100000000, 8)}`;

/**
 * An instance's device tree as DTS. v2's `device_tree_source` (usage.rst: `/name { … }`); the
 * GitHub tree's binary `device_tree`, decoded as `kerf dump NAME --dts` shows it.
 */
export function instanceDts(m: Machine, inst: Instance): string[] {
  const bytes = inst.memBlocks.length * BLOCK_BYTES;
  if (m.version !== 'github') {
    return [
      '/dts-v1/;',
      '',
      `/${inst.name} {`,
      '\tcompatible = "multikernel-v1";',
      `\tid = <${inst.id}>;`,
      '\tresources {',
      `\t\tcpus = <${inst.cpus.join(' ')}>;`,
      `\t\tmemory-bytes = <0x${hex(bytes)}>; // ${bytes / MIB_BYTES} MB`,
      '\t};',
      '};',
    ];
  }
  const base = inst.memBlocks.length ? blockAddr(Math.min(...inst.memBlocks)) : 0;
  const out = [
    '/dts-v1/;',
    '',
    '/ {',
    '\tcompatible = "multikernel-v1";',
    `\tinstance-name = "${inst.name}";`,
    `\tid = <${inst.id}>;`,
    '\tresources {',
    `\t\tcpus = <${inst.cpus.join(' ')}>;`,
    `\t\tmemory-base = /bits/ 64 <0x${hex(base)}>;`,
    `\t\tmemory-bytes = /bits/ 64 <0x${hex(bytes)}>;`,
  ];
  if (inst.llcWays > 0) out.push(`\t\tllc-way-mask = <0x${hex(llcMask(m, inst))}>;`);
  const names = deviceNames(m);
  if (inst.devices.length > 0) {
    out.push('\t\tdevices {');
    inst.devices.forEach((pci, i) => {
      out.push(`\t\t\tpci@${i} {`, `\t\t\t\tpci-id = "${pci}";`);
      const alias = names.get(pci);
      if (alias) out.push(`\t\t\t\talias = "${alias}";`);
      out.push('\t\t\t};');
    });
    out.push('\t\t};');
  }
  out.push('\t};', '};');
  return out;
}

/** The root `device_tree` read back from live state (GitHub tree, overlays.rst "Read-back"). */
export function rootDts(m: Machine): string[] {
  const { all, free } = poolCpus(m);
  const out = [
    '/dts-v1/;',
    '',
    '/ {',
    '\tcompatible = "multikernel-v1";',
    '\tid = <0>;',
    '\tresources {',
    `\t\tcpus = <${all.join(' ')}>;`,
    free.length ? `\t\tcpus-available = <${free.join(' ')}>;` : '\t\tcpus-available;',
  ];
  const perNode = Math.floor(m.blocks.length / m.config.numaNodes);
  for (const ch of poolChunks(m)) {
    const a = blockAddr(ch.start);
    out.push(
      `\t\tmemory@${hex(a)} {`,
      '\t\t\tdevice_type = "memory";',
      `\t\t\treg = <${cells64(a)}  ${cells64(ch.count * BLOCK_BYTES)}>;`,
      `\t\t\tnuma-node-id = <${Math.min(m.config.numaNodes - 1, Math.floor(ch.start / perNode))}>;`,
      '\t\t};',
    );
  }
  const lent = m.devices.filter((d) => d.owner !== HOST);
  if (lent.length > 0) {
    const names = deviceNames(m);
    out.push('\t\tdevices {');
    for (const d of lent) {
      out.push(`\t\t\t${names.get(d.pci) ?? d.pci} {`, `\t\t\t\tpci-id = "${d.pci}";`, '\t\t\t};');
    }
    out.push('\t\t};');
  }
  out.push('\t};', '};');
  return out;
}

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

/** Size in the units kerf and the lab's notes use. */
export const sizeText = (bytes: number): string =>
  bytes % GIB_BYTES === 0 ? `${bytes / GIB_BYTES}GB` : `${bytes / MIB_BYTES}MB`;
