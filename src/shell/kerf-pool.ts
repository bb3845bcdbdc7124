import { HOST, POOL } from '../sim';
import { BLOCK_MIB } from '../sim/time';
import { act, isErr, note, say, warn, type Ctx } from './ctx';
import { USAGE, usageError } from './kerf-cli';
import { poolChunks, spawns } from './model';
import { has, str, type ParsedOpts } from './opts';
import { MIB_BYTES, bytesToMiB, cpuList, gb2, parseCpuSpec, parseMemorySpec } from './text';

/** kerf init's --format (of its --report, which the lab does not model). */
const FORMATS = ['text', 'json', 'yaml'];

/**
 * `kerf init --cpus=… --memory=…` reconciles the pool with the request (GitHub tree): host CPUs
 * listed move into the pool, free pool CPUs not listed go back to the host, and the pool's memory
 * grows to the size asked. `--teardown` returns every free pool CPU; `--dry-run` shows the plan.
 */
export function init(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const teardown = has(p, '--teardown');
  const dry = has(p, '--dry-run');
  const format = str(p, '--format');
  if (format !== undefined && !FORMATS.includes(format)) {
    const list = FORMATS.map((f) => `'${f}'`).join(', ');
    return usageError(
      ctx,
      USAGE.init,
      'kerf init',
      `Invalid value for '--format': '${format}' is not one of ${list}.`,
    );
  }
  const cpusSpec = str(p, '--cpus');
  const memory = str(p, '--memory');
  const input = str(p, '--input');
  if (teardown && (input || cpusSpec || memory || str(p, '--devices'))) {
    warn(
      ctx,
      'Error: --teardown cannot be combined with --input, --cpus, --memory or --devices.',
      '--teardown returns every pool resource to the host.',
    );
    return 2;
  }
  if (input !== undefined) {
    if (cpusSpec || memory) {
      warn(ctx, 'Error: --input is mutually exclusive with --cpus, --memory.');
      return 2;
    }
    warn(ctx, `Error: Input file '${input}' does not exist`);
    return 3;
  }
  if (!cpusSpec && !teardown) {
    warn(
      ctx,
      'Error: Either --input, --cpus or --teardown must be specified',
      '',
      'Usage:',
      '  kerf init --input=hardware.dts',
      '  kerf init --cpus=4-7 --memory=1GB',
      '  kerf init --cpus=4-7 --memory=node0:1GB --devices=enp9s0_dev',
      '  kerf init --teardown',
    );
    return 2;
  }
  if (m.version !== 'github' || m.config.monolithic) {
    note(ctx, 'shell.kerf.initVersion', { version: m.version }, true);
    return 1;
  }
  if (str(p, '--devices')) {
    note(ctx, 'shell.kerf.initDevices', undefined, true);
    return 1;
  }
  let want: number[] = [];
  if (cpusSpec && cpusSpec !== 'none') {
    const parsed = parseCpuSpec(cpusSpec);
    if ('error' in parsed) {
      warn(ctx, `Error: Invalid CPU specification '${cpusSpec}': ${parsed.error}`);
      return 2;
    }
    want = parsed;
  }
  let wantMiB: number | null = null;
  if (!teardown) {
    if (!memory) {
      warn(ctx, 'Error: --memory is required');
      return 2;
    }
    if (memory !== 'none') {
      const bytes = parseMemorySpec(memory);
      if (typeof bytes !== 'number') {
        warn(ctx, `Error: Invalid memory specification '${memory}': ${bytes.error}`);
        return 2;
      }
      if (bytes <= 0 || bytes % 4096 !== 0) {
        warn(
          ctx,
          `Error: memory size for any node must be ${bytes <= 0 ? 'greater than zero' : 'a multiple of 4096 bytes'}`,
        );
        return 2;
      }
      wantMiB = Math.ceil(bytesToMiB(bytes) / BLOCK_MIB) * BLOCK_MIB;
    } else {
      wantMiB = 0;
    }
  }
  const bad = want.find((c) => c >= m.cpus.length);
  if (bad !== undefined) {
    warn(
      ctx,
      `Error: Invalid APIC ID(s) specified: [${bad}]. Valid APIC IDs on this system: [${m.cpus.map((c) => c.id).join(', ')}]`,
    );
    return 2;
  }
  const lent = new Map(spawns(m).flatMap((i) => i.cpus.map((c) => [c, i.name] as const)));
  const toPool = want.filter((c) => (m.cpus[c] as { owner: number }).owner === HOST);
  const toHost = m.cpus.filter((c) => c.owner === POOL && !want.includes(c.id)).map((c) => c.id);
  const stranded = [...lent.keys()].filter((c) => !want.includes(c));
  if (stranded.length > 0 && !teardown) {
    warn(
      ctx,
      `Error: CPU ${stranded[0]} is lent to instance '${lent.get(stranded[0] as number)}': delete it first`,
    );
    return 1;
  }
  if (teardown && lent.size > 0 && !dry) {
    const held = spawns(m).map((i) => i.name);
    warn(
      ctx,
      `Error: The pool still runs ${held.length} instance(s): delete instances ${held.join(', ')} first`,
    );
    return 1;
  }
  const online = m.cpus.filter((c) => c.owner === HOST && c.state === 'online');
  const leaving = toPool.filter((c) => (m.cpus[c] as { state: string }).state === 'online');
  if (leaving.length > 0 && leaving.length >= online.length + toHost.length) {
    warn(ctx, 'Error: the host must keep one online CPU');
    return 1;
  }
  const poolMiB = poolChunks(m).reduce((s, ch) => s + ch.count, 0) * BLOCK_MIB;
  if (wantMiB !== null && wantMiB < poolMiB) {
    note(ctx, 'shell.kerf.initShrink', { mib: poolMiB }, true);
    return 1;
  }
  const growMiB = wantMiB === null ? 0 : wantMiB - poolMiB;
  if (toPool.length === 0 && toHost.length === 0 && growMiB === 0) {
    say(ctx, '✓ Pool already matches the request; nothing to do');
    return 0;
  }
  say(ctx, 'Pool changes:');
  if (toPool.length) say(ctx, `  cpu-add:     ${cpuList(toPool)}`);
  if (toHost.length) say(ctx, `  cpu-remove:  ${cpuList(toHost)}`);
  if (growMiB > 0) say(ctx, `  memory-add:  ${gb2(growMiB * MIB_BYTES)} GB`);
  if (dry) {
    say(ctx, 'Would apply the changes above (dry-run)');
    return 0;
  }
  let tx: number | null = null;
  if (growMiB > 0) {
    const r = act(ctx, { type: 'pool.grow', memMiB: growMiB });
    if (isErr(r)) {
      warn(
        ctx,
        `Error: ${r.message}`,
        "Run 'dmesg | tail' for the kernel's reason (it names the busy CPU or chunk).",
      );
      return 1;
    }
    tx = r.id ?? null;
  }
  for (const cpu of toHost) act(ctx, { type: 'cpu.fromPool', cpu });
  for (const cpu of toPool) act(ctx, { type: 'cpu.toPool', cpu });
  say(ctx, `✓ Pool updated${tx !== null ? ` (transaction ${tx})` : ''}`);
  return 0;
}
