import { HOST } from '../sim';
import { BLOCK_MIB } from '../sim/time';
import { act, isErr, note, pyErrno, say, warn, type Ctx } from './ctx';
import { CHECK_INSTANCES, USAGE, extraArgs, reason, target, usageError } from './kerf-cli';
import { spawnNamed, statusOf } from './model';
import { str, type ParsedOpts } from './opts';
import { bytesToMiB, parseCpuSpec, parseMemorySpec } from './text';

// kerf update and delete: an instance's memory and devices, and its end (create: kerf-create.ts).

export function remove(ctx: Ctx, p: ParsedOpts): number {
  const name = p.args[0];
  if (name !== undefined && !spawnNamed(ctx.m, name)) {
    warn(ctx, `Error: Instance '${name}' does not exist`, CHECK_INSTANCES);
    return 1;
  }
  const t = target(ctx, p, 'delete');
  if ('code' in t) return t.code;
  const extra = extraArgs(ctx, p, USAGE.delete, 'kerf delete', 1);
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

export function update(ctx: Ctx, p: ParsedOpts): number {
  const { m } = ctx;
  const name = p.args[0];
  if (name === undefined) {
    return usageError(ctx, USAGE.update, 'kerf update', "Missing argument 'NAME'.");
  }
  const extra = extraArgs(ctx, p, USAGE.update, 'kerf update', 1);
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
