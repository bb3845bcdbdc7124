import { describe, expect, it } from 'vitest';
import {
  advanceTo,
  apply,
  checkInvariants,
  createMachine,
  preset,
  twinScenario,
  type Machine,
} from '../../../src/sim';
import { MS, S } from '../../../src/sim/time';
import { boot, inst, must, pooled, state, until, wl } from './helpers';

const run = (m: Machine, ns: number) => advanceTo(m, m.now + ns);

/** web front end on host, db service in kernel "db" (CPUs 4–5), batch in "batch" (CPUs 6–7). */
function webDb(over = {}): Machine {
  const m = pooled(over);
  boot(m, 'db', [4, 5]);
  boot(m, 'batch', [6, 7]);
  must(m, { type: 'workload.start', name: 'dbsvc', kernel: 'db', kind: 'service' });
  must(m, { type: 'workload.start', name: 'web', kernel: 'host', kind: 'server', backend: 'db' });
  must(m, { type: 'workload.start', name: 'crunch', kernel: 'batch', kind: 'cpu' });
  run(m, 300 * MS);
  return m;
}

describe('panic', () => {
  it('GitHub tree: only that kernel halts; HALTED reaches the host; CPUs park; state becomes loaded', () => {
    const m = webDb();
    const webDone = wl(m, 'web')?.totalCompleted ?? 0;
    must(m, { type: 'fault', kind: 'panic', target: 'batch' });
    expect(inst(m, 'batch')?.panicked).toBe(true);
    until(m, () => state(m, 'batch') === 'loaded');
    expect(m.cpus[6]?.state).toBe('parked');
    expect(m.cpus[7]?.state).toBe('parked');
    expect(
      inst(m, 'host')?.dmesg.some(
        (l) => l.text === 'Instance 2 (batch) halted, CPUs parking in pool',
      ),
    ).toBe(true);
    run(m, 300 * MS);
    expect(wl(m, 'web')?.totalCompleted ?? 0).toBeGreaterThan(webDone + 100);
    expect(wl(m, 'web')?.history.at(-1)?.tput ?? 0).toBeGreaterThan(0);
    expect(wl(m, 'crunch')?.history.at(-1)?.tput).toBe(0);
    expect(state(m, 'db')).toBe('active');
    expect(checkInvariants(m)).toEqual([]);
    // Re-startable: exec again, and it runs its work again.
    must(m, { type: 'instance.exec', name: 'batch' });
    until(m, () => state(m, 'batch') === 'active');
    run(m, 200 * MS);
    expect(wl(m, 'crunch')?.history.at(-1)?.tput ?? 0).toBeGreaterThan(0);
  });

  it('messages to a halted GitHub-tree kernel are refused: the front end sees errors, not a hang', () => {
    const m = webDb();
    must(m, { type: 'fault', kind: 'panic', target: 'db' });
    until(m, () => state(m, 'db') === 'loaded');
    const dropped = m.counters.dropReasons['target-halted'];
    run(m, 200 * MS);
    expect(m.counters.dropReasons['target-halted']).toBeGreaterThan(dropped);
    expect(wl(m, 'web')?.totalErrors ?? 0).toBeGreaterThan(0);
    expect(checkInvariants(m)).toEqual([]);
  });

  it('v1/v2: no crash handling — the kernel stops but the host still thinks it is active', () => {
    const m = createMachine({ config: { ...pooled().config, version: 'v2' }, setup: [] }, 3);
    must(m, { type: 'instance.create', name: 'x', cpus: [6, 7], memMiB: 512 });
    must(m, { type: 'instance.load', name: 'x' });
    until(m, () => state(m, 'x') === 'loaded');
    must(m, { type: 'instance.exec', name: 'x' });
    until(m, () => state(m, 'x') === 'active');
    must(m, { type: 'fault', kind: 'panic', target: 'x' });
    run(m, 100 * MS);
    expect(state(m, 'x')).toBe('active');
    expect(m.cpus[6]?.state).toBe('halted');
    expect(m.counters.byKind[9]).toBe(0); // no haltConfirm
  });
});

describe('lockup', () => {
  it('a hung kernel handles no IPI: its messages wait in the ring until --force resets it', () => {
    const m = pooled();
    boot(m, 'x', [4, 5]);
    must(m, { type: 'fault', kind: 'lockup', target: 'x' });
    for (let i = 0; i < 5; i++)
      must(m, { type: 'msg.send', from: 'host', to: 'x', category: 'USER' });
    run(m, 10 * MS);
    expect(inst(m, 'x')?.ring.head).toBe(5);
    expect(m.counters.fates['in-flight']).toBe(5);
    must(m, { type: 'instance.kill', name: 'x', force: true });
    until(m, () => state(m, 'x') === 'loaded');
    expect(m.counters.fates['in-flight']).toBe(0);
    expect(m.counters.dropReasons['ring-reset']).toBe(5);
    expect(checkInvariants(m)).toEqual([]);
  });
});

describe('IPI ring and slot', () => {
  it('GitHub tree: 63 messages fit the 64-entry ring; the next send gets -ENOSPC at the sender', () => {
    const m = pooled();
    boot(m, 'x', [4, 5]);
    must(m, { type: 'fault', kind: 'lockup', target: 'x' });
    const results = Array.from({ length: 64 }, () =>
      apply(m, { type: 'msg.send', from: 'host', to: 'x', category: 'USER' }),
    );
    expect(results.slice(0, 63).every((r) => r.ok)).toBe(true);
    const last = results[63];
    expect(last?.ok).toBe(false);
    if (last && !last.ok) expect([last.code, last.errno]).toEqual(['ENOSPC', -28]);
    expect(m.counters.fates['rejected-enospc']).toBe(1);
    expect(inst(m, 'host')?.stats.enospc).toBe(1);
    expect(checkInvariants(m)).toEqual([]);
  });

  it('GitHub tree: a burst flood fills the ring and is refused, never overwritten', () => {
    const m = pooled();
    boot(m, 'a', [4, 5]);
    boot(m, 'b', [6, 7]);
    must(m, { type: 'fault', kind: 'ipi-flood', from: 'a', target: 'b', count: 100 });
    run(m, 1 * MS);
    expect(m.counters.fates['rejected-enospc']).toBe(37);
    expect(m.counters.fates.overwritten).toBe(0);
    expect(m.counters.fates.delivered).toBe(63);
  });

  it('v1: one 256 B slot per CPU, overwritten by the next send before the IPI lands', () => {
    const m = pooled({ version: 'v1' });
    must(m, { type: 'cpu.hotplug', cpu: 7, online: false });
    must(m, { type: 'instance.create', name: 'x', cpus: [7], memMiB: 512 });
    must(m, { type: 'instance.load', name: 'x' });
    until(m, () => state(m, 'x') === 'loaded');
    must(m, { type: 'instance.exec', name: 'x' });
    until(m, () => state(m, 'x') === 'active');
    must(m, { type: 'fault', kind: 'ipi-flood', from: 'host', target: 'x', count: 10 });
    run(m, 1 * MS);
    expect(m.counters.fates.overwritten).toBe(9);
    expect(m.counters.fates.delivered).toBe(1);
    const big = apply(m, { type: 'msg.send', from: 'host', to: 'x', category: 'USER', bytes: 512 });
    expect(big.ok ? '' : big.code).toBe('EINVAL');
    expect(checkInvariants(m)).toEqual([]);
  });
});

describe('memory and DMA', () => {
  it('a scribble into another kernel is not prevented; into its text, the victim crashes', () => {
    const m = webDb();
    must(m, { type: 'fault', kind: 'scribble', from: 'batch', target: 'db', offsetMiB: 200 });
    expect(inst(m, 'db')?.corruptBytes).toBe(4096);
    run(m, 10 * MS);
    expect(state(m, 'db')).toBe('active');
    must(m, { type: 'fault', kind: 'scribble', from: 'batch', target: 'db', offsetMiB: 0 });
    until(m, () => inst(m, 'db')?.panicked === true);
    expect(inst(m, 'batch')?.panicked).toBe(false);
  });

  it('DMA from a lent device corrupts another kernel with the IOMMU off, and is blocked with it on', () => {
    const m = webDb();
    must(m, { type: 'device.lend', pci: '0000:04:00.0', name: 'db' });
    must(m, { type: 'fault', kind: 'dma', device: '0000:04:00.0', target: 'batch' });
    expect(inst(m, 'batch')?.corruptBytes).toBe(4096);
    must(m, { type: 'iommu.set', on: true });
    expect(m.devices.find((d) => d.pci === '0000:04:00.0')?.domain).toBe(true);
    must(m, { type: 'fault', kind: 'dma', device: '0000:04:00.0', target: 'batch' });
    expect(inst(m, 'batch')?.corruptBytes).toBe(4096);
    expect(m.counters.dmaBlocked).toBe(1);
    expect(checkInvariants(m)).toEqual([]);
  });

  it('the host grows the pool at runtime by an overlay, and can roll it back', () => {
    const m = pooled();
    const before = m.blocks.filter((b) => b === -1).length;
    const r = apply(m, { type: 'pool.grow', memMiB: 1024 });
    expect(r.ok).toBe(true);
    expect(m.blocks.filter((b) => b === -1).length).toBe(before + 8);
    must(m, { type: 'pool.rollback', tx: r.ok ? (r.id ?? 0) : 0 });
    expect(m.blocks.filter((b) => b === -1).length).toBe(before);
    expect(checkInvariants(m)).toEqual([]);
  });

  it('MEM_ADD grows a running instance once it is delivered and acknowledged', () => {
    const m = pooled();
    boot(m, 'x', [4, 5]);
    must(m, { type: 'instance.memAdd', name: 'x', memMiB: 512 });
    expect(inst(m, 'x')?.memBlocks.length).toBe(12);
    run(m, 1 * MS);
    expect(inst(m, 'x')?.dmesg.some((l) => /hot-added 512 MiB/.test(l.text))).toBe(true);
    expect(inst(m, 'host')?.dmesg.some((l) => /added 512 MiB/.test(l.text))).toBe(true);
  });
});

describe('interference', () => {
  it('a bare IPI flood at a kernel’s CPUs raises its p99 (unfiltered IPIs are a DoS risk)', () => {
    const m = pooled();
    boot(m, 'web', [4, 5]);
    boot(m, 'evil', [6, 7]);
    must(m, { type: 'workload.start', name: 'srv', kernel: 'web', kind: 'server' });
    run(m, 500 * MS);
    const base = wl(m, 'srv')?.history.at(-1)?.p99 ?? 0;
    must(m, {
      type: 'fault',
      kind: 'ipi-flood',
      from: 'evil',
      target: 'web',
      raw: true,
      count: 400_000,
      intervalNs: 300,
    });
    run(m, 100 * MS);
    const flooded = wl(m, 'srv')?.history.at(-1)?.p99 ?? 0;
    expect(flooded).toBeGreaterThanOrEqual(3 * base);
  });

  it('a machine-wide action (WBINVD) stalls every running kernel', () => {
    const m = webDb();
    must(m, { type: 'fault', kind: 'machine-wide', from: 'batch' });
    for (const name of ['host', 'db', 'batch']) expect(inst(m, name)?.stats.stalls).toBe(1);
  });

  it('a noisy neighbour raises shared-hardware pressure for every kernel; LLC ways halve it', () => {
    const m = pooled();
    boot(m, 'noisy', [4, 5]);
    must(m, { type: 'workload.start', name: 'n', kernel: 'noisy', kind: 'noisy' });
    expect(m.pressure).toBeGreaterThan(0);
    must(m, { type: 'workload.stop', name: 'n' });
    expect(m.pressure).toBe(0);
  });
});

describe('the monolithic twin', () => {
  it('the same panic stops every workload in the twin and only one kernel in the multikernel', () => {
    const s = preset('two-kernels');
    const multi = createMachine(s, 5);
    const twin = createMachine(twinScenario(s), 5);
    for (const m of [multi, twin]) advanceTo(m, 500 * MS);
    must(multi, { type: 'fault', kind: 'panic', target: 'beta' });
    must(twin, { type: 'fault', kind: 'panic', target: 'host' });
    for (const m of [multi, twin]) advanceTo(m, 1 * S);
    expect(twin.workloads.every((w) => (w.history.at(-1)?.tput ?? 0) === 0)).toBe(true);
    expect(inst(twin, 'host')?.panicked).toBe(true);
    expect(wl(multi, 'web')?.history.at(-1)?.tput ?? 0).toBeGreaterThan(0);
    expect(wl(multi, 'db')?.history.at(-1)?.tput ?? 0).toBeGreaterThan(0);
    expect(wl(multi, 'batch')?.history.at(-1)?.tput).toBe(0);
  });
});
