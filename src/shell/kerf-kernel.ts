import type { Input, Instance, SimError } from '../sim';
import { act, isErr, pyErrno, say, warn, type Ctx } from './ctx';
import { resolve } from './fs';
import { USAGE, extraArgs, reason, target } from './kerf-cli';
import { BOOT_IMAGES, statusOf } from './model';
import { block } from './kerf-wait';
import { has, str, type ParsedOpts } from './opts';

// kerf load, exec/start, kill and unload: a spawn kernel's life from image to shutdown.

export function load(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'load');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, USAGE.load, 'kerf load', 1);
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
  // kexec_file_load returns once the image is in place: the line blocks until then.
  return block(ctx, {
    call: 'load',
    ...who(inst),
    cpu: -1,
    verbose: has(p, '--verbose'),
    console: false,
  });
}

const who = (inst: Instance) => ({ id: inst.id, name: inst.name });

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

export function start(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'start');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, USAGE.start, 'kerf start', 1);
  if (extra) return extra;
  const { inst } = t;
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
  // reboot(MULTIKERNEL) returns once the boot CPU claimed its mailbox (or -ETIMEDOUT after 1 s).
  return block(ctx, {
    call: 'start',
    ...who(inst),
    cpu: inst.cpus[0] ?? -1,
    verbose: has(p, '--verbose'),
    console: has(p, '--console'),
  });
}

export function kill(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'kill');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, USAGE.kill, 'kerf kill', 1);
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
  // Graceful: blocked until SHUTDOWN_ACK or 30 s (core.c); force: until the CPUs are parked.
  return block(ctx, {
    call: force ? 'kill-force' : 'kill',
    ...who(inst),
    cpu: inst.cpus[0] ?? -1,
    verbose: has(p, '--verbose'),
    console: false,
  });
}

export function unload(ctx: Ctx, p: ParsedOpts): number {
  const t = target(ctx, p, 'unload');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, USAGE.unload, 'kerf unload', 1);
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
