import { K } from './constants';
import { fail, OK } from './errors';
import { EV } from './events';
import { describe, isErr, setState, spawnByName } from './lifecycle';
import { happen, host, klog, nextToken, schedule } from './machine';
import { startKernelWork } from './workloads';
import { HOST, type ApplyResult, type Cpu, type Instance, type Machine } from './types';

// exec: wake the boot CPU (mailbox claim on the GitHub tree, INIT/SIPI on v1/v2), boot the
// kernel, bring up its other CPUs one by one, then start its workloads.

export function exec(m: Machine, name: string): ApplyResult {
  const inst = spawnByName(m, name);
  if (isErr(inst)) return inst;
  if (inst.state !== 'loaded' || inst.pending)
    return fail('EBUSY', `instance ${name} is ${describe(inst)}, not loaded`);
  const boot = m.cpus[inst.cpus[0] as number] as Cpu;
  if (m.version === 'v1') {
    // multikernel_kexec(cpu) returns -EBUSY while that CPU is online (v1 patch 1).
    if (boot.owner !== inst.id && boot.state === 'online')
      return fail('EBUSY', `CPU ${boot.id} is online`);
    if (boot.owner !== HOST && boot.owner !== inst.id)
      return fail('EBUSY', `CPU ${boot.id} is in use`);
    const hostInst = host(m);
    hostInst.cpus = hostInst.cpus.filter((x) => x !== boot.id);
    boot.owner = inst.id;
    inst.reservedOnly = false;
  }
  // Drawn only once every check has passed: a refused exec leaves the machine as it was.
  const token = nextToken(m);
  inst.pending = { op: 'exec', token, since: m.now, claimed: false };
  if (m.version === 'github') {
    // The host fills a spawn context and publishes a wakeup in the CPU's mailbox (spawn.c).
    if (!boot.claimBroken)
      schedule(m, m.now + K.claimLatency, EV.mailboxClaim, inst.id, boot.id, token);
    schedule(m, m.now + K.mailboxPoll, EV.mailboxPoll, inst.id, 0, token);
    klog(
      m,
      host(m),
      `multikernel: waking CPU ${boot.id} from the pool for instance ${inst.id} (${inst.name})`,
    );
  } else {
    schedule(m, m.now + K.initSipiDelay + K.trampoline, EV.initSipi, inst.id, boot.id, token);
    klog(
      m,
      host(m),
      `multikernel: sending INIT/SIPI to CPU ${boot.id} for instance ${inst.id} (${inst.name})`,
    );
  }
  return OK;
}

function execPending(m: Machine, id: number, token: number): Instance | null {
  const inst = m.instances.get(id);
  return inst && inst.pending?.op === 'exec' && inst.pending.token === token ? inst : null;
}

/** The CPU took the mailbox (GitHub) or came out of the trampoline (v1/v2): the kernel boots. */
export function onCpuStarts(m: Machine, id: number, cpuId: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst || inst.pending?.op !== 'exec') return false;
  inst.pending.claimed = true;
  const cpu = m.cpus[cpuId] as Cpu;
  cpu.state = 'booting';
  happen(m, 'mailbox.claim', id, { cpu: cpuId });
  schedule(m, m.now + K.spawnBoot, EV.bootDone, id, 0, token);
  return true;
}

export function onMailboxPoll(m: Machine, id: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst || inst.pending?.op !== 'exec') return false;
  if (inst.pending.claimed) return true; // the host saw the claim: polling stops
  if (m.now - inst.pending.since >= K.claimTimeout) {
    inst.pending = null;
    setState(m, inst, 'failed');
    klog(
      m,
      host(m),
      `multikernel: CPU ${inst.cpus[0]} did not claim the spawn mailbox in 1s, instance ${id} (${inst.name}) failed`,
    );
    return true;
  }
  schedule(m, m.now + K.mailboxPoll, EV.mailboxPoll, id, 0, token);
  return true;
}

export function onBootDone(m: Machine, id: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst) return false;
  const boot = m.cpus[inst.cpus[0] as number] as Cpu;
  boot.state = 'online';
  klog(
    m,
    inst,
    `Linux version ${inst.image?.version ?? ''} (multikernel instance ${id}) booting on CPU ${boot.id}`,
  );
  nextSecondary(m, inst, 1, token);
  return true;
}

function nextSecondary(m: Machine, inst: Instance, index: number, token: number): void {
  if (index < inst.cpus.length) {
    schedule(m, m.now + K.apBringup, EV.secondaryUp, inst.id, index, token);
  } else {
    activate(m, inst);
  }
}

export function onSecondaryUp(m: Machine, id: number, index: number, token: number): boolean {
  const inst = execPending(m, id, token);
  if (!inst) return false;
  const cpu = m.cpus[inst.cpus[index] as number] as Cpu;
  if (cpu.owner !== inst.id) {
    const hostInst = host(m);
    hostInst.cpus = hostInst.cpus.filter((x) => x !== cpu.id);
    cpu.owner = inst.id;
  }
  cpu.state = 'online';
  klog(m, inst, `smp: CPU ${cpu.id} up via multikernel_secondary_startup`);
  nextSecondary(m, inst, index + 1, token);
  return true;
}

function activate(m: Machine, inst: Instance): void {
  inst.pending = null;
  inst.bootedAt = m.now;
  setState(m, inst, 'active');
  klog(
    m,
    host(m),
    `multikernel: instance ${inst.id} (${inst.name}) is active on CPUs ${inst.cpus.join(',')}`,
  );
  startKernelWork(m, inst);
}
