import { HOST, POOL, type Input, type Instance, type SimError } from '../sim';
import { BLOCK_MIB } from '../sim/time';
import { act, isErr, note, pyErrno, say, warn, type Ctx } from './ctx';
import { resolve } from './fs';
import { BOOT_IMAGES, findDevice, poolChunks, spawnNamed, spawns, statusOf } from './model';
import { has, parseOpts, str, type OptSpec, type ParsedOpts } from './opts';
import {
  CPU_ID_LIMIT,
  MIB_BYTES,
  bytesToMiB,
  closest,
  cpuList,
  gb2,
  parseCpuSpec,
  parseMemorySpec,
} from './text';
import { consoleLog, instanceDts, kerfShow, rootDts } from './views';

// kerf, the proposal's user-space tool (github.com/multikernel/kerf), verb by verb. Messages
// are kerf's own (its click commands print them); where the lab departs, docs/shell.md says so.

const CHECK_INSTANCES = 'Check available instances in /sys/fs/multikernel/instances/';
const V = { long: '--verbose', short: '-v', flag: true } as const;
const ID = { long: '--id', int: true } as const;

interface Verb {
  readonly usage: string;
  readonly opts: readonly OptSpec[];
  readonly run: (ctx: Ctx, p: ParsedOpts) => number;
}

/** Every kerf verb the lab knows, with its options (completion and tests read this table). */
export const KERF_VERBS: Readonly<Record<string, Verb>> = {
  init: {
    usage: 'kerf init [OPTIONS]',
    opts: [
      { long: '--cpus', short: '-c' },
      { long: '--memory', short: '-m' },
      { long: '--devices', short: '-d' },
      { long: '--input', short: '-i' },
      { long: '--teardown', flag: true },
      V,
    ],
    run: init,
  },
  create: {
    usage: 'kerf create [OPTIONS] [NAME]',
    opts: [
      ID,
      { long: '--cpus', short: '-c' },
      { long: '--cpu-count', int: true },
      { long: '--memory', short: '-m', required: true },
      { long: '--devices', short: '-d' },
      { long: '--llc-ways', int: true },
      V,
    ],
    run: create,
  },
  update: {
    usage: 'kerf update [OPTIONS] NAME',
    opts: [
      { long: '--cpus', short: '-c' },
      { long: '--memory', short: '-m' },
      { long: '--devices', short: '-d' },
      V,
    ],
    run: update,
  },
  load: {
    usage: 'kerf load [OPTIONS] [NAME]',
    opts: [
      { long: '--kernel', short: '-k', required: true },
      { long: '--initrd', short: '-i' },
      { long: '--cmdline', short: '-c' },
      ID,
      V,
    ],
    run: load,
  },
  exec: { usage: 'kerf exec [OPTIONS] [NAME]', opts: [ID, V], run: (c, p) => start(c, p, 'exec') },
  start: {
    usage: 'kerf start [OPTIONS] [NAME]',
    opts: [ID, { long: '--console', flag: true }, V],
    run: (c, p) => start(c, p, 'start'),
  },
  kill: {
    usage: 'kerf kill [OPTIONS] [NAME]',
    opts: [ID, { long: '--force', short: '-f', flag: true }, V],
    run: kill,
  },
  unload: { usage: 'kerf unload [OPTIONS] [NAME]', opts: [ID, V], run: unload },
  delete: { usage: 'kerf delete [OPTIONS] [NAME]', opts: [ID, V], run: remove },
  show: { usage: 'kerf show [OPTIONS] [NAME]', opts: [V], run: show },
  dump: {
    usage: 'kerf dump [OPTIONS] [NAME]',
    opts: [
      { long: '--output', short: '-o' },
      { long: '--dts', flag: true },
    ],
    run: dump,
  },
  console: { usage: 'kerf console [OPTIONS] [NAME]', opts: [ID, V], run: consoleVerb },
};
export const KERF_VERB_NAMES = Object.keys(KERF_VERBS);

/** `kerf …`: the group parses its own options, then hands the rest to a verb. */
export function kerf(ctx: Ctx, argv: readonly string[]): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    note(ctx, 'shell.help.kerf');
    return 0;
  }
  if (first === '--version') {
    say(ctx, 'kerf, version 0.3.0');
    return 0;
  }
  if (first.startsWith('-')) {
    return usageError(ctx, 'kerf [OPTIONS] COMMAND [ARGS]...', 'kerf', `No such option: ${first}`);
  }
  const verb = Object.hasOwn(KERF_VERBS, first) ? KERF_VERBS[first] : undefined;
  if (!verb) {
    const code = usageError(
      ctx,
      'kerf [OPTIONS] COMMAND [ARGS]...',
      'kerf',
      `No such command '${first}'.`,
    );
    const near = closest(first, KERF_VERB_NAMES);
    if (near) note(ctx, 'shell.didYouMean', { cmd: `kerf ${near}` }, true);
    return code;
  }
  const p = parseOpts(rest, verb.opts);
  if ('error' in p) return usageError(ctx, verb.usage, `kerf ${first}`, p.error);
  if (p.help) {
    note(ctx, `shell.help.kerf.${first}`);
    return 0;
  }
  return verb.run(ctx, p);
}

function usageError(ctx: Ctx, usage: string, cmd: string, message: string): number {
  warn(ctx, `Usage: ${usage}`, `Try '${cmd} --help' for help.`, '', `Error: ${message}`);
  return 2;
}

/** The lab's one-line reason from the machine, after the tool's own error (marked as the lab's). */
function reason(ctx: Ctx, e: SimError): void {
  note(ctx, 'shell.note.reason', { reason: e.message }, true);
}

type Target = { readonly inst: Instance } | { readonly code: number };

/** NAME or --id, as kerf resolves them (get_instance_id_from_name and friends). */
function target(ctx: Ctx, p: ParsedOpts, verb: string): Target {
  const name = p.args[0];
  const id = str(p, '--id');
  if (name === undefined && id === undefined) {
    warn(
      ctx,
      'Error: Either instance name or --id must be provided',
      verb === 'load'
        ? 'Usage: kerf load <name> --kernel=<path>  or  kerf load --id=<id> --kernel=<path>'
        : `Usage: kerf ${verb} <name>  or  kerf ${verb} --id=<id>`,
    );
    return { code: 2 };
  }
  if (name !== undefined) {
    const inst = spawnNamed(ctx.m, name);
    if (!inst) {
      warn(ctx, `Error: Instance '${name}' not found`, CHECK_INSTANCES);
      return { code: 1 };
    }
    return { inst };
  }
  const n = Number(id);
  if (n < 1 || n > 511) {
    warn(ctx, `Error: --id must be between 1 and 511 (got ${n})`);
    return { code: 2 };
  }
  const inst = spawns(ctx.m).find((i) => i.id === n);
  if (!inst) {
    warn(ctx, `Error: Instance with ID ${n} not found`, CHECK_INSTANCES);
    return { code: 1 };
  }
  return { inst };
}

function extraArgs(ctx: Ctx, p: ParsedOpts, usage: string, cmd: string, keep: number): number {
  const extra = p.args.slice(keep);
  if (extra.length === 0) return 0;
  return usageError(
    ctx,
    usage,
    cmd,
    `Got unexpected extra argument${extra.length > 1 ? 's' : ''} (${extra.join(' ')})`,
  );
}

// ---------------------------------------------------------------------------------------------

function create(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const name = p.args[0];
  if (!name) {
    warn(
      ctx,
      'Error: Instance name is required',
      '',
      'Usage: kerf create <name> [OPTIONS]',
      '       kerf create [OPTIONS] <name>',
    );
    return 2;
  }
  const cpusSpec = str(p, '--cpus');
  const count = str(p, '--cpu-count');
  if (cpusSpec && count !== undefined) {
    warn(
      ctx,
      'Error: --cpus and --cpu-count are mutually exclusive. Specify either explicit CPUs (--cpus) or a count (--cpu-count)',
    );
    return 2;
  }
  if (!cpusSpec && count === undefined) {
    warn(ctx, 'Error: Either --cpus or --cpu-count must be specified');
    return 2;
  }
  if (count !== undefined && Number(count) <= 0) {
    warn(ctx, `Error: CPU count must be positive, got ${count}`);
    return 2;
  }
  let cpus: number[] = [];
  if (cpusSpec) {
    const parsed = parseCpuSpec(cpusSpec);
    if ('error' in parsed) {
      warn(ctx, `Error: Invalid APIC ID specification '${cpusSpec}': ${parsed.error}`);
      return 2;
    }
    cpus = parsed;
  }
  const memory = str(p, '--memory') as string;
  const bytes = parseMemorySpec(memory);
  if (typeof bytes !== 'number') {
    warn(ctx, `Error: Invalid memory specification '${memory}': ${bytes.error}`);
    return 2;
  }
  const devSpec = str(p, '--devices');
  const devices = (devSpec ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => findDevice(m, d)?.pci ?? d);
  const failed = (message: string) => {
    warn(ctx, `Error: Resource allocation failed: ${message}`);
    return 1;
  };
  if (spawnNamed(m, name) || name === 'host') return failed(`Instance '${name}' already exists`);
  const idOpt = str(p, '--id');
  const id = idOpt === undefined ? undefined : Number(idOpt);
  if (id !== undefined) {
    const holder = spawns(m).find((i) => i.id === id);
    if (holder) return failed(`Instance ID ${id} is already in use by instance '${holder.name}'`);
  }
  if (count !== undefined) {
    const picked = allocateCpus(ctx, Number(count));
    if ('error' in picked) return failed(picked.error);
    cpus = picked;
  }
  const bad = cpus.find((c) => c >= m.cpus.length || c >= CPU_ID_LIMIT);
  if (bad !== undefined) return failed(`No such CPU: ${bad}`);
  const ways = str(p, '--llc-ways');
  const input: Input = {
    type: 'instance.create',
    name,
    cpus,
    memMiB: bytesToMiB(bytes),
    ...(devices.length ? { devices } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(ways !== undefined ? { llcWays: Number(ways) } : {}),
  };
  const r = act(ctx, input);
  if (isErr(r)) return failed(r.message);
  const inst = spawnNamed(m, name) as Instance;
  say(ctx, `✓ Created instance '${name}' (ID: ${inst.id})`);
  if (has(p, '--verbose')) {
    say(ctx, `  Instance ID: ${inst.id}`, `  CPUs: ${inst.cpus.join(', ')}`, `  Memory: ${memory}`);
    if (inst.devices.length) say(ctx, `  Devices: ${inst.devices.join(', ')}`);
  }
  return 0;
}

/** kerf's --cpu-count with the compact policy: a consecutive run of free CPUs if there is one. */
function allocateCpus(ctx: Ctx, count: number): number[] | { error: string } {
  const { m } = ctx;
  const taken = new Set(spawns(m).flatMap((i) => i.cpus));
  const free = m.cpus
    .filter(
      (c) => !taken.has(c.id) && (m.version === 'github' ? c.owner === POOL : c.owner === HOST),
    )
    .map((c) => c.id);
  if (free.length < count) {
    return {
      error: `Not enough APIC IDs available: requested ${count}, but only ${free.length} available in pool`,
    };
  }
  for (let i = 0; i + count <= free.length; i++) {
    if ((free[i + count - 1] as number) - (free[i] as number) === count - 1) {
      return free.slice(i, i + count);
    }
  }
  return free.slice(0, count);
}

function load(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'load');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, KERF_VERBS.load?.usage ?? '', 'kerf load', 1);
  if (extra) return extra;
  const { inst } = t;
  const kernel = str(p, '--kernel') as string;
  const k = resolve(ctx.m, kernel);
  if ('errno' in k) {
    warn(ctx, `Error: Kernel image '${kernel}' does not exist`);
    return 3;
  }
  if (k.node.kind !== 'file') {
    warn(ctx, `Error: '${kernel}' is not a regular file`);
    return 3;
  }
  const initrd = str(p, '--initrd');
  if (initrd !== undefined) {
    const r = resolve(ctx.m, initrd);
    if ('errno' in r) {
      warn(ctx, `Error: Initrd image '${initrd}' does not exist`);
      return 3;
    }
    if (r.node.kind !== 'file') {
      warn(ctx, `Error: '${initrd}' is not a regular file`);
      return 3;
    }
  }
  const file = kernel.split('/').filter(Boolean).at(-1) ?? kernel;
  const known = Object.hasOwn(BOOT_IMAGES, file) ? BOOT_IMAGES[file] : undefined;
  if (!known || !kernel.replace(/\/+/g, '/').startsWith('/boot/')) {
    warn(ctx, `Error: ${kernel}: not a bzImage or vmlinux (ELF) kernel image`);
    return 3;
  }
  const r = act(ctx, { type: 'instance.load', name: inst.name, image: { name: file, ...known } });
  if (isErr(r)) {
    warn(ctx, `Error: kexec_file_load failed: ${pyErrno(r)}`);
    if (r.code === 'EBUSY') {
      warn(
        ctx,
        `Note: Instance '${inst.name}' already has a kernel loaded. Run 'kerf unload ${inst.name}' first.`,
      );
    } else if (r.code === 'EINVAL') {
      warn(ctx, 'Note: Invalid arguments. Check kernel image format and flags.');
    } else if (r.code === 'EOPNOTSUPP') {
      warn(ctx, 'Note: kexec_file_load not supported on this system.');
    }
    reason(ctx, r);
    return 1;
  }
  say(ctx, '✓ Kernel loaded successfully');
  return 0;
}

function syscallNotes(ctx: Ctx, r: SimError, inst: Instance, cmd: string): void {
  warn(ctx, `Error: reboot syscall failed: ${pyErrno(r)}`);
  if (r.code === 'EPERM') warn(ctx, 'Note: This operation requires root privileges');
  if (r.code === 'EINVAL') {
    warn(
      ctx,
      `Error: Invalid arguments for instance '${inst.name}' (ID: ${inst.id})`,
      `The kernel may not support the ${cmd} reboot command, or the instance ID is invalid.`,
    );
  }
  reason(ctx, r);
}

function start(ctx: Ctx, p: ParsedOpts, verb: 'exec' | 'start'): number {
  const t = target(ctx, p, verb);
  if ('code' in t) return t.code;
  const { inst } = t;
  if (p.args.length > 1) {
    note(ctx, 'shell.kerf.execCommand', { name: inst.name }, true);
    return 1;
  }
  if (inst.state !== 'loaded') {
    warn(
      ctx,
      `Error: Kernel image not loaded for instance '${inst.name}' (ID: ${inst.id})`,
      `Current status: '${statusOf(ctx.m, inst)}' (expected: 'loaded')`,
      `Please load a kernel image first using: kerf load --id=${inst.id} --kernel=<path>`,
    );
    return 1;
  }
  say(ctx, `Booting instance '${inst.name}' (ID: ${inst.id})...`);
  const r = act(ctx, { type: 'instance.exec', name: inst.name });
  if (isErr(r)) {
    syscallNotes(ctx, r, inst, 'MULTIKERNEL');
    return 1;
  }
  say(ctx, '✓ Boot command executed successfully');
  return 0;
}

function kill(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'kill');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, KERF_VERBS.kill?.usage ?? '', 'kerf kill', 1);
  if (extra) return extra;
  const { inst } = t;
  const force = has(p, '--force');
  const allowed = force ? ['active', 'loaded'] : ['active'];
  if (!allowed.includes(inst.state)) {
    warn(
      ctx,
      `Error: Instance '${inst.name}' (ID: ${inst.id}) is not running`,
      `Current status: '${statusOf(ctx.m, inst)}' (expected: ${allowed.join(' or ')})`,
    );
    return 1;
  }
  say(ctx, `Shutting down instance '${inst.name}' (ID: ${inst.id})${force ? ' (force)' : ''}...`);
  const input: Input = force
    ? { type: 'instance.kill', name: inst.name, force: true }
    : { type: 'instance.kill', name: inst.name };
  const r = act(ctx, input);
  if (isErr(r)) {
    syscallNotes(ctx, r, inst, 'MULTIKERNEL_HALT');
    return 1;
  }
  say(ctx, '✓ Shutdown command executed successfully');
  if (!force) note(ctx, 'shell.kerf.killAsync');
  return 0;
}

function unload(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'unload');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, KERF_VERBS.unload?.usage ?? '', 'kerf unload', 1);
  if (extra) return extra;
  const { inst } = t;
  const head = `Error: Cannot unload kernel for instance '${inst.name}' (ID: ${inst.id})`;
  if (inst.state === 'active') {
    warn(ctx, head, 'Instance is currently ACTIVE (running). Stop the instance first.');
    return 1;
  }
  if (inst.state !== 'loaded') {
    warn(
      ctx,
      head,
      `Current status: '${statusOf(ctx.m, inst)}' (expected: 'loaded')`,
      'Only kernels in LOADED state can be unloaded.',
    );
    return 1;
  }
  say(ctx, `Unloading kernel for instance '${inst.name}' (ID: ${inst.id})...`);
  const r = act(ctx, { type: 'instance.unload', name: inst.name });
  if (isErr(r)) {
    warn(ctx, `Error: kexec_file_unload failed: ${pyErrno(r)}`);
    reason(ctx, r);
    return 1;
  }
  say(ctx, '✓ Kernel unloaded successfully');
  return 0;
}

function remove(ctx: Ctx, p: ParsedOpts): number {
  const name = p.args[0];
  if (name !== undefined && !spawnNamed(ctx.m, name)) {
    warn(ctx, `Error: Instance '${name}' does not exist`, CHECK_INSTANCES);
    return 1;
  }
  const t = target(ctx, p, 'delete');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, KERF_VERBS.delete?.usage ?? '', 'kerf delete', 1);
  if (extra) return extra;
  const { inst } = t;
  const head = `Error: Cannot delete instance '${inst.name}' (ID: ${inst.id})`;
  const status = statusOf(ctx.m, inst);
  if (inst.state === 'loaded') {
    warn(
      ctx,
      head,
      `Instance has a kernel loaded (status: ${status}).`,
      `Please unload the kernel first using: kerf unload ${inst.name}`,
    );
    return 1;
  }
  if (inst.state === 'active') {
    warn(
      ctx,
      head,
      `Instance is currently ACTIVE (running, status: ${status}).`,
      'Please stop and unload the kernel first.',
    );
    return 1;
  }
  const r = act(ctx, { type: 'instance.delete', name: inst.name });
  if (isErr(r)) {
    warn(ctx, `Error: ${r.message}`);
    return 1;
  }
  say(ctx, `✓ Deleted instance '${inst.name}' (ID: ${inst.id})`);
  return 0;
}

const PCI_RE = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-9a-fA-F]$/;

function update(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const name = p.args[0];
  if (name === undefined) {
    return usageError(
      ctx,
      KERF_VERBS.update?.usage ?? '',
      'kerf update',
      "Missing argument 'NAME'.",
    );
  }
  const extra = extraArgs(ctx, p, KERF_VERBS.update?.usage ?? '', 'kerf update', 1);
  if (extra) return extra;
  const cpusSpec = str(p, '--cpus');
  const memory = str(p, '--memory');
  const devSpec = str(p, '--devices');
  if (!cpusSpec && !memory && devSpec === undefined) {
    warn(ctx, 'Error: At least one of --cpus, --memory, or --devices must be specified');
    return 2;
  }
  const inst = spawnNamed(m, name);
  if (!inst) {
    warn(ctx, `Error: Instance '${name}' does not exist`);
    return 1;
  }
  let cpus: number[] | null = null;
  if (cpusSpec) {
    const parsed = parseCpuSpec(cpusSpec);
    if ('error' in parsed) {
      warn(ctx, `Error: Invalid CPU specification '${cpusSpec}': ${parsed.error}`);
      return 2;
    }
    cpus = parsed;
  }
  let bytes: number | null = null;
  if (memory) {
    const parsed = parseMemorySpec(memory);
    if (typeof parsed !== 'number') {
      warn(ctx, `Error: Invalid memory specification '${memory}': ${parsed.error}`);
      return 2;
    }
    bytes = parsed;
  }
  let devices: string[] | null = null;
  if (devSpec !== undefined) {
    devices = devSpec
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const badPci = devices.find((d) => !PCI_RE.test(d));
    if (badPci !== undefined) {
      warn(
        ctx,
        `Error: Invalid device specification '${devSpec}': Invalid PCI ID format: ${badPci}. Expected format: 0000:09:00.0`,
      );
      return 2;
    }
  }
  const failed = (message: string) => {
    warn(ctx, `Error: ${message}`);
    return 1;
  };
  // Check everything first, so a refused update changes nothing (kerf applies one overlay).
  if (cpus && cpus.join(',') !== [...inst.cpus].sort((a, b) => a - b).join(',')) {
    note(ctx, 'shell.kerf.updateCpus', { name }, true);
    return 1;
  }
  const haveMiB = inst.memBlocks.length * BLOCK_MIB;
  const wantMiB = bytes === null ? haveMiB : Math.ceil(bytesToMiB(bytes) / BLOCK_MIB) * BLOCK_MIB;
  if (wantMiB < haveMiB) {
    note(ctx, 'shell.kerf.updateShrink', { name, mib: haveMiB }, true);
    return 1;
  }
  const lend: string[] = [];
  const giveBack: string[] = [];
  if (devices) {
    for (const pci of devices) {
      if (inst.devices.includes(pci)) continue;
      const d = m.devices.find((x) => x.pci === pci);
      if (!d) return failed(`No such device: ${pci}`);
      if (m.version !== 'github') return failed('v1 and v2 have no device assignment');
      if (d.owner !== HOST) return failed(`device ${pci} is already lent`);
      if (inst.state === 'failed') return failed(`instance ${name} has failed`);
      lend.push(pci);
    }
    for (const pci of inst.devices) if (!devices.includes(pci)) giveBack.push(pci);
  }
  if (wantMiB > haveMiB) {
    const r = act(ctx, { type: 'instance.memAdd', name, memMiB: wantMiB - haveMiB });
    if (isErr(r)) {
      warn(ctx, `Error: Kernel interface error: ${pyErrno(r)}`);
      reason(ctx, r);
      return 1;
    }
  }
  for (const pci of giveBack) act(ctx, { type: 'device.return', pci });
  for (const pci of lend) act(ctx, { type: 'device.lend', pci, name });
  say(ctx, `✓ Updated instance '${name}'`);
  return 0;
}

function show(ctx: Ctx, p: ParsedOpts): number {
  const name = p.args[0] ?? null;
  if (name !== null && !spawnNamed(ctx.m, name)) {
    warn(ctx, `Error: Instance '${name}' not found`, CHECK_INSTANCES);
    return 1;
  }
  const extra = extraArgs(ctx, p, KERF_VERBS.show?.usage ?? '', 'kerf show', 1);
  if (extra) return extra;
  say(ctx, ...kerfShow(ctx.m, name));
  return 0;
}

function dump(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const extra = extraArgs(ctx, p, KERF_VERBS.dump?.usage ?? '', 'kerf dump', 1);
  if (extra) return extra;
  if (m.version === 'v1' || m.config.monolithic) {
    warn(ctx, 'Error: /sys/fs/multikernel is not mounted; is the multikernel kernel running?');
    return 1;
  }
  const name = p.args[0];
  const inst = name === undefined ? null : spawnNamed(m, name);
  if (name !== undefined && !inst) {
    const known = spawns(m).map((i) => i.name);
    warn(
      ctx,
      `Error: Instance '${name}' not found.${known.length ? ` Known instances: ${known.join(', ')}` : ' No instances exist.'}`,
    );
    return 1;
  }
  if (!inst && m.version === 'v2') {
    warn(
      ctx,
      "Error: Failed to read /sys/fs/multikernel/device_tree: [Errno 13] Permission denied: '/sys/fs/multikernel/device_tree'",
    );
    return 1;
  }
  const out = str(p, '--output');
  if (out !== undefined) {
    warn(ctx, `Error: [Errno 30] Read-only file system: '${out}'`);
    return 1;
  }
  if (!has(p, '--dts')) {
    warn(
      ctx,
      'Error: Refusing to write a binary DTB to the terminal; use -o FILE or redirect stdout.',
    );
    return 1;
  }
  say(ctx, ...(inst ? instanceDts(m, inst) : rootDts(m)));
  return 0;
}

function consoleVerb(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'console');
  if ('code' in t) return t.code;
  note(ctx, 'shell.kerf.console', { name: t.inst.name });
  say(ctx, ...consoleLog(t.inst));
  return 0;
}

/**
 * `kerf init --cpus=… --memory=…` reconciles the pool with the request (GitHub tree): host CPUs
 * listed move into the pool, free pool CPUs not listed go back to the host, and the pool's memory
 * grows to the size asked. `--teardown` returns every free pool CPU.
 */
function init(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const teardown = has(p, '--teardown');
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
  if (teardown && lent.size > 0) {
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
