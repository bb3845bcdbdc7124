import { z } from './zod';
import {
  BLOCK_MIB,
  HOST_MIN_MIB,
  MAX_CPUS,
  MAX_DEVICES,
  MAX_LLC_WAYS,
  MAX_MEMORY_MIB,
  MAX_NUMA_NODES,
  MIN_LLC_WAYS,
  PCI_RE,
} from '../limits';
import { DEVICE_KINDS, PROPOSAL_VERSIONS, type MachineConfig } from '../machine';
import { flag, intIn, list, rule, text } from './fields';

/**
 * A machine's config (`MachineConfig`) as links and files carry it: every field, each in the
 * machine's range. The ranges that depend on another field (NUMA nodes on CPUs, the pool on
 * memory, a device's node) are checked once the fields themselves are right.
 */

/** A PCI function `DDDD:BB:SS.F`. */
const pci = text(12).check(
  z.superRefine((v: string, ctx) => {
    if (!PCI_RE.test(v)) flag(ctx, 'pci', { value: v });
  }),
);

/** Memory in hot-plug blocks: a multiple of `BLOCK_MIB`, from `min` to `max`. */
function blocks(min: number, max: number) {
  return intIn(min, max).check(z.multipleOf(BLOCK_MIB));
}

const device = z.strictObject({ pci, kind: z.enum(DEVICE_KINDS), numa: z.int() });

export const machineConfig = z
  .strictObject({
    version: z.enum(PROPOSAL_VERSIONS),
    cpus: intIn(1, MAX_CPUS),
    numaNodes: z.int(),
    memoryMiB: blocks(2 * HOST_MIN_MIB, MAX_MEMORY_MIB),
    poolMiB: z.int().check(z.multipleOf(BLOCK_MIB)),
    devices: list(device, MAX_DEVICES),
    iommu: z.boolean(),
    llcWays: intIn(MIN_LLC_WAYS, MAX_LLC_WAYS),
    monolithic: z.boolean(),
  })
  .check(
    rule<MachineConfig>((c, ctx) => {
      const numa = Math.min(MAX_NUMA_NODES, c.cpus);
      if (c.numaNodes < 1 || c.numaNodes > numa)
        flag(ctx, 'range', { value: c.numaNodes, min: 1, max: numa }, ['numaNodes']);
      const pool = c.memoryMiB - HOST_MIN_MIB;
      if (c.poolMiB < 0 || c.poolMiB > pool)
        flag(ctx, 'range', { value: c.poolMiB, min: 0, max: pool }, ['poolMiB']);
      else if (c.monolithic && c.poolMiB > 0)
        flag(ctx, 'monolithic', { value: c.poolMiB }, ['poolMiB']);
      const first = new Map<string, number>();
      c.devices.forEach((d, i) => {
        const j = first.get(d.pci);
        if (j !== undefined)
          flag(
            ctx,
            'duplicate',
            { value: JSON.stringify(d.pci) },
            ['devices', i, 'pci'],
            ['devices', j],
          );
        else first.set(d.pci, i);
        if (d.numa < 0 || d.numa >= c.numaNodes)
          flag(ctx, 'range', { value: d.numa, min: 0, max: c.numaNodes - 1 }, [
            'devices',
            i,
            'numa',
          ]);
      });
    }),
  );
