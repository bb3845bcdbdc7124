import { HOST, type Instance, type Machine } from '../sim';
import { note, say } from './ctx';
import { badOption, type Command } from './command';
import { ownerName } from './model';
import { stamp } from './text';

// dmesg and lspci: what the kernels say in their logs and what the host sees on its PCI bus.

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

const DMESG_IGNORED = new Set([
  '-T',
  '-k',
  '-x',
  '-H',
  '-L',
  '--ctime',
  '--human',
  '--nopager',
  '--color',
]);

export const dmesgCmd: Command = (ctx, args) => {
  for (const a of args) {
    if (DMESG_IGNORED.has(a)) continue;
    if (/^-[cCD]$|^--(clear|read-clear|console-off)$/.test(a)) {
      note(ctx, 'shell.dmesg.clear', undefined, true);
      return 1;
    }
    return badOption(ctx, 'dmesg', a);
  }
  say(ctx, ...dmesg(ctx.m));
  return 0;
};

export const lspciCmd: Command = (ctx, args) => {
  const flags = args.join('');
  say(ctx, ...lspci(ctx.m, flags.includes('D'), flags.includes('k')));
  return 0;
};
