import { checkCreate, type Input, type Instance } from '../sim';
import { act, isErr, note, say, warn, type Ctx } from './ctx';
import { AFFINITIES, allocateCpus, type Affinity } from './kerf-allocate';
import { USAGE, usageError } from './kerf-cli';
import { BLOCK_BYTES, blockAddr, findDevice, poolChunks, spawnNamed, spawns } from './model';
import { has, str, type ParsedOpts } from './opts';
import { CPU_ID_LIMIT, bytesToMiB, hex, parseCpuSpec, parseMemorySpec } from './text';

// kerf create (kerf's create/main.py): its checks in its order, its messages, its --dry-run.

const POLICIES = ['local', 'interleave', 'bind'] as const;
const py = (n: number) => `0x${hex(n)}`;

/** What the line asked for, parsed as kerf parses it; or the exit code of kerf's refusal. */
interface Ask {
  readonly name: string;
  readonly count?: number;
  readonly cpus: number[];
  readonly bytes: number;
  readonly base?: number;
  readonly affinity: Affinity;
  readonly nodes?: number[];
  readonly policy?: string;
  readonly devices: string[];
  readonly id?: number;
}

function choice(ctx: Ctx, p: ParsedOpts, opt: string, of: readonly string[]): string | number {
  const v = str(p, opt);
  if (v === undefined || of.includes(v)) return v ?? '';
  const list = of.map((x) => `'${x}'`).join(', ');
  return usageError(
    ctx,
    USAGE.create,
    'kerf create',
    `Invalid value for '${opt}': '${v}' is not one of ${list}.`,
  );
}

function parse(ctx: Ctx, p: ParsedOpts): Ask | number {
  const affinity = choice(ctx, p, '--cpu-affinity', AFFINITIES);
  if (typeof affinity === 'number') return affinity;
  const policy = choice(ctx, p, '--memory-policy', POLICIES);
  if (typeof policy === 'number') return policy;
  const name = p.args[0];
  const fail = (...lines: string[]) => (warn(ctx, ...lines), 2);
  if (!name) {
    return fail(
      'Error: Instance name is required',
      '',
      'Usage: kerf create <name> [OPTIONS]',
      '       kerf create [OPTIONS] <name>',
    );
  }
  const cpusSpec = str(p, '--cpus');
  const countOpt = str(p, '--cpu-count');
  if (cpusSpec && countOpt !== undefined) {
    return fail(
      'Error: --cpus and --cpu-count are mutually exclusive. Specify either explicit CPUs (--cpus) or a count (--cpu-count)',
    );
  }
  if (!cpusSpec && countOpt === undefined) {
    return fail('Error: Either --cpus or --cpu-count must be specified');
  }
  const count = countOpt === undefined ? undefined : Number(countOpt);
  if (count !== undefined && count <= 0)
    return fail(`Error: CPU count must be positive, got ${count}`);
  let cpus: number[] = [];
  if (cpusSpec) {
    const parsed = parseCpuSpec(cpusSpec);
    if ('error' in parsed) {
      return fail(`Error: Invalid APIC ID specification '${cpusSpec}': ${parsed.error}`);
    }
    cpus = parsed;
  }
  const memory = str(p, '--memory') as string;
  const bytes = parseMemorySpec(memory);
  if (typeof bytes !== 'number') {
    return fail(`Error: Invalid memory specification '${memory}': ${bytes.error}`);
  }
  const baseSpec = str(p, '--memory-base')?.trim();
  let base: number | undefined;
  if (baseSpec !== undefined) {
    const isHex = /^0x/i.test(baseSpec);
    base = isHex ? parseInt(baseSpec.slice(2), 16) : Number(baseSpec);
    const ok = isHex ? /^0x[0-9a-f]+$/i.test(baseSpec) : /^[+-]?\d+$/.test(baseSpec);
    if (!ok || !Number.isSafeInteger(base)) {
      const why = isHex ? 'Invalid hexadecimal base address' : 'Invalid base address';
      return fail(`Error: Invalid memory base '${baseSpec}': ${why} '${baseSpec}'`);
    }
  }
  const devices = (str(p, '--devices') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const nodesSpec = str(p, '--numa-nodes');
  let nodes: number[] | undefined;
  if (nodesSpec) {
    const parts = nodesSpec
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const bad = parts.find((n) => !/^[+-]?\d+$/.test(n));
    if (bad !== undefined) {
      return fail(
        `Error: Invalid NUMA nodes specification '${nodesSpec}': invalid literal for int() with base 10: '${bad}'`,
      );
    }
    if (parts.length === 0) return fail(`Error: Invalid NUMA nodes specification '${nodesSpec}'`);
    nodes = parts.map(Number);
  }
  const idOpt = str(p, '--id');
  const id = idOpt === undefined ? undefined : Number(idOpt);
  if (id !== undefined && (id < 1 || id > 511)) {
    return fail(`Error: Instance ID must be in range 1-511, got ${id}`);
  }
  return {
    name,
    cpus,
    bytes,
    affinity: (affinity || 'compact') as Affinity,
    devices,
    ...(count !== undefined ? { count } : {}),
    ...(base !== undefined ? { base } : {}),
    ...(nodes ? { nodes } : {}),
    ...(policy ? { policy } : {}),
    ...(id !== undefined ? { id } : {}),
  };
}

/** kerf's create_instance_operation: the machine input it would apply, or its ResourceError. */
function plan(ctx: Ctx, a: Ask, ways: string | undefined): Input | { readonly error: string } {
  const { m } = ctx;
  if (spawnNamed(m, a.name) || a.name === 'host')
    return { error: `Instance '${a.name}' already exists` };
  const holder = a.id === undefined ? undefined : spawns(m).find((i) => i.id === a.id);
  if (holder)
    return { error: `Instance ID ${a.id} is already in use by instance '${holder.name}'` };
  let cpus = a.cpus;
  if (a.count !== undefined) {
    const picked = allocateCpus(m, a.count, a.affinity, a.nodes);
    if ('error' in picked) return picked;
    cpus = picked;
  }
  const bad = cpus.find((c) => c >= m.cpus.length || c >= CPU_ID_LIMIT);
  if (bad !== undefined) return { error: `No such CPU: ${bad}` };
  const memMiB = bytesToMiB(a.bytes);
  let memBlock: number | undefined;
  if (a.base !== undefined) {
    const where = regionError(ctx, a.base, memMiB);
    if (typeof where === 'string') return { error: where };
    memBlock = where;
  }
  return {
    type: 'instance.create',
    name: a.name,
    cpus,
    memMiB,
    ...(a.devices.length ? { devices: a.devices.map((d) => findDevice(m, d)?.pci ?? d) } : {}),
    ...(a.id !== undefined ? { id: a.id } : {}),
    ...(ways !== undefined ? { llcWays: Number(ways) } : {}),
    ...(memBlock !== undefined ? { memBlock } : {}),
  };
}

/** kerf's validate_memory_allocation, over the lab's 128 MiB blocks: the first block, or why not. */
function regionError(ctx: Ctx, base: number, memMiB: number): number | string {
  const { m } = ctx;
  if (base % 0x1000 !== 0) return `Memory base ${py(base)} is not 4KB-aligned`;
  const size = Math.ceil((memMiB * 1024 * 1024) / BLOCK_BYTES) * BLOCK_BYTES;
  const end = base + size;
  const chunks = poolChunks(m);
  const inChunk = chunks.some(
    (c) => blockAddr(c.start) <= base && end <= blockAddr(c.start + c.count),
  );
  if (!inChunk) {
    const listed = chunks
      .map((c) => `${py(blockAddr(c.start))}-${py(blockAddr(c.start + c.count) - 1)}`)
      .join(', ');
    return `Memory region ${py(base)}-${py(end)} does not fit in any pool chunk (${listed})`;
  }
  for (const inst of spawns(m)) {
    if (!inst.memBlocks.length) continue;
    const from = blockAddr(Math.min(...inst.memBlocks));
    const to = blockAddr(Math.max(...inst.memBlocks) + 1);
    if (!(end <= from || base >= to)) {
      return `Memory region ${py(base)}-${py(end)} overlaps with instance '${inst.name}' (${py(from)}-${py(to)})`;
    }
  }
  if (base % BLOCK_BYTES !== 0) return LAB_BLOCKS;
  return base / BLOCK_BYTES;
}
/** Where the lab departs: its memory comes in blocks, kerf's in 4 KiB pages. */
const LAB_BLOCKS = 'shell.kerf.memoryBaseBlock';

/** The details kerf prints after a dry run and after `create -v`. */
function details(ctx: Ctx, a: Ask, memory: string, cpus: readonly number[], base: number): void {
  const list = cpus.join(', ');
  say(
    ctx,
    a.count !== undefined ? `  CPUs: ${a.count} CPUs auto-allocated: ${list}` : `  CPUs: ${list}`,
  );
  say(ctx, `  CPU Affinity: ${a.affinity}`);
  if (a.nodes) say(ctx, `  NUMA Nodes: ${a.nodes.join(', ')}`);
  say(ctx, `  Memory: ${memory} at ${py(base)}`);
  if (a.policy) say(ctx, `  Memory Policy: ${a.policy}`);
  if (a.devices.length) say(ctx, `  Devices: ${a.devices.join(', ')}`);
}

export function create(ctx: Ctx, p: ParsedOpts): number {
  const a = parse(ctx, p);
  if (typeof a === 'number') return a;
  const memory = str(p, '--memory') as string;
  const dry = has(p, '--dry-run');
  const planned = plan(ctx, a, str(p, '--llc-ways'));
  const refuse = (message: string) => {
    if (message === LAB_BLOCKS) note(ctx, LAB_BLOCKS, { block: py(BLOCK_BYTES) }, true);
    else warn(ctx, dry ? `Error: ${message}` : `Error: Resource allocation failed: ${message}`);
    return 1;
  };
  if ('error' in planned) return refuse(planned.error);
  const input = planned as Extract<Input, { type: 'instance.create' }>;
  if (dry) {
    // kerf validates against its device tree; the lab asks the machine the same questions.
    const checked = checkCreate(ctx.m, input);
    if ('code' in checked) return refuse(checked.message);
    say(ctx, `✓ Validation passed for instance '${a.name}'`);
    details(ctx, a, memory, input.cpus, blockAddr(checked.blocks[0] ?? 0));
    say(ctx, `  Instance ID: ${a.id ?? 'None'}`, '', '✓ Instance would be created (dry-run mode)');
    say(ctx, '  Remove --dry-run to apply overlay to kernel');
    return 0;
  }
  const r = act(ctx, input);
  if (isErr(r)) return refuse(r.message);
  const inst = spawnNamed(ctx.m, a.name) as Instance;
  say(ctx, `✓ Created instance '${a.name}' (ID: ${inst.id})`);
  if (has(p, '--verbose')) {
    say(ctx, `  Instance ID: ${inst.id}`);
    details(ctx, a, memory, inst.cpus, blockAddr(Math.min(...inst.memBlocks)));
  }
  return 0;
}
