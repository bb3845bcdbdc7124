import { HOST, type Instance, type Machine } from '../sim';
import { BLOCK_BYTES, blockAddr, deviceNames, llcMask, poolChunks, poolCpus } from './model';
import { MIB_BYTES, hex, hexPad } from './text';

// Device trees as DTS, the way the proposal's versions print them (docs/shell.md names the
// sources): an instance's own, and the root one read back from live state.

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
