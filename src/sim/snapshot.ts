import { ringCount } from './ipi';
import { percentile } from './metrics';
import { BLOCK_MIB } from './time';
import { traceHash } from './trace';
import { EVENT_NAMES } from './events';
import { HOST, POOL, type Happening, type Machine } from './types';
import type { MachineView } from '../contract';

export type { MachineView } from '../contract';

export function snapshot(m: Machine): MachineView {
  const memory: { owner: number; startMiB: number; sizeMiB: number }[] = [];
  m.blocks.forEach((owner, i) => {
    const last = memory[memory.length - 1];
    if (last && last.owner === owner) last.sizeMiB += BLOCK_MIB;
    else memory.push({ owner, startMiB: i * BLOCK_MIB, sizeMiB: BLOCK_MIB });
  });
  const poolOwned = m.blocks.filter((o) => o !== HOST).length;
  return {
    t: m.now,
    version: m.version,
    monolithic: m.config.monolithic,
    iommu: m.iommu,
    cpus: m.cpus.map((c) => ({
      id: c.id,
      numa: c.numa,
      owner: c.owner,
      state: c.state,
      busy: c.cur !== null,
      procs: c.procs,
    })),
    instances: [...m.instances.values()].map((i) => ({
      id: i.id,
      name: i.name,
      state: i.state,
      stateLabel: m.version === 'v2' && i.state === 'loaded' ? 'loading' : i.state,
      pending: i.pending?.op ?? null,
      cpus: [...i.cpus],
      memMiB: i.memBlocks.length * BLOCK_MIB,
      devices: [...i.devices],
      image: i.image ? `${i.image.name} ${i.image.version}` : null,
      panicked: i.panicked,
      hung: i.hung,
      ring: ringCount(i),
      ipisReceived: i.stats.ipisReceived,
      msgsSent: i.stats.msgsSent,
      msgsReceived: i.stats.msgsReceived,
      enospc: i.stats.enospc,
      corruptBytes: i.corruptBytes,
    })),
    memory,
    pool: {
      cpus: m.cpus.filter((c) => c.owner === POOL).map((c) => c.id),
      freeMiB: m.blocks.filter((o) => o === POOL).length * BLOCK_MIB,
      totalMiB: poolOwned * BLOCK_MIB,
      overlays: m.poolTx.map((p) => p.tx),
    },
    devices: m.devices.map((d) => ({ pci: d.pci, kind: d.kind, owner: d.owner, domain: d.domain })),
    workloads: m.workloads
      .filter((w) => w.kernel !== -1)
      .map((w) => {
        const samples = w.win.hist.reduce((a, b) => a + b, 0);
        return {
          id: w.id,
          name: w.name,
          kind: w.kind,
          kernel: w.kernel,
          running: w.running,
          load: w.load,
          backend: w.backend,
          cpus: [...w.placement],
          last: w.history[w.history.length - 1] ?? null,
          completed: w.totalCompleted,
          errors: w.totalErrors,
          misses: w.totalMisses,
          p99Live: percentile(w.win.hist, samples, 990),
        };
      }),
    messages: {
      sent: m.counters.sent,
      fates: { ...m.counters.fates },
      dropReasons: { ...m.counters.dropReasons },
    },
    events: m.counters.events,
    eventMix: Object.fromEntries(EVENT_NAMES.map((n, i) => [n, m.counters.byKind[i] ?? 0])),
    pressure: m.pressure,
    hash: traceHash(m),
  };
}

/** Items with `seq` after `since`, at most `cap` of the newest, and how many were left out. */
export function newerThan<T extends { readonly seq: number }>(
  items: readonly T[],
  since: number,
  cap: number,
): { items: T[]; omitted: number } {
  let i = items.length;
  while (i > 0 && (items[i - 1] as T).seq > since) i--;
  const fresh = items.slice(i);
  return fresh.length > cap
    ? { items: fresh.slice(fresh.length - cap), omitted: fresh.length - cap }
    : { items: fresh, omitted: 0 };
}

/** Notable happenings after `sinceSeq`, at most `cap` of the newest. */
export function happeningsSince(m: Machine, sinceSeq: number, cap: number): Happening[] {
  const out = m.recent.filter((h) => h.seq > sinceSeq);
  return out.length > cap ? out.slice(out.length - cap) : out;
}
