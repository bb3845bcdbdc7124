import { fail, OK } from './errors';
import { injectFault } from './faults';
import { sendMessage } from './ipi';
import { kill } from './halt';
import * as lifeCreate from './lifecycle-create';
import * as lifeDelete from './lifecycle-delete';
import * as lifeExec from './lifecycle-exec';
import { happen, instanceByName, isRunning, klog, schedule } from './machine';
import { memAdd } from './memory';
import * as res from './resources';
import { EV } from './events';
import { hashString } from './trace';
import { validateInput } from './validate';
import { noteCpus } from './visual';
import { newWorkload, startWorkload, stopWorkload, updatePressure } from './workloads';
import type { ApplyResult, Input, Machine, WorkloadKind } from './types';

/**
 * Apply one input at the machine's current time. An error leaves the machine exactly as it was
 * (nothing is mutated before every check has passed) and does not touch the trace hash.
 */
export function apply(m: Machine, raw: unknown): ApplyResult {
  const input = validateInput(raw);
  if ('ok' in input) return input;
  const r = route(m, input);
  noteCpus(m);
  // A rejected send still happened (its message has a fate), so it is part of the trace.
  if (r.ok || 'id' in r) {
    m.hashLo = hashString(m.hashLo, JSON.stringify(input));
    m.hashHi = hashString(m.hashHi ^ m.hashLo, input.type);
  }
  return r;
}

function route(m: Machine, i: Input): ApplyResult {
  switch (i.type) {
    case 'instance.create':
      return lifeCreate.create(m, i);
    case 'instance.load':
      return lifeCreate.load(m, i.name, i.image);
    case 'instance.exec':
      return lifeExec.exec(m, i.name);
    case 'instance.kill':
      return kill(m, i.name, i.force ?? false);
    case 'instance.unload':
      return lifeDelete.unload(m, i.name);
    case 'instance.delete':
      return lifeDelete.remove(m, i.name);
    case 'instance.memAdd':
      return memAdd(m, i.name, i.memMiB);
    case 'cpu.hotplug':
      return res.hotplug(m, i.cpu, i.online);
    case 'cpu.toPool':
      return res.toPool(m, i.cpu);
    case 'cpu.fromPool':
      return res.fromPool(m, i.cpu);
    case 'pool.grow':
      return res.growPool(m, i.memMiB, i.numa);
    case 'pool.rollback':
      return res.rollbackPool(m, i.tx);
    case 'device.lend':
      return res.lend(m, i.pci, i.name);
    case 'device.return':
      return res.giveBack(m, i.pci);
    case 'iommu.set':
      return res.setIommu(m, i.on);
    case 'version.set':
      return res.setVersion(m, i.version);
    case 'msg.send':
      return userMessage(m, i);
    case 'workload.start':
      return startNew(m, i);
    case 'workload.stop': {
      const w = findWorkload(m, i.name);
      if (!w) return fail('ENOENT', `No such workload: ${i.name}`);
      stopWorkload(m, w);
      w.kernel = -1;
      happen(m, 'workload.stop', -1, { name: i.name });
      return OK;
    }
    case 'workload.load': {
      const w = findWorkload(m, i.name);
      if (!w) return fail('ENOENT', `No such workload: ${i.name}`);
      if (i.load < 0 || i.load > 1000) return fail('EINVAL', 'load is 0–1000 ‰');
      const wasIdle = w.load === 0;
      w.load = i.load;
      if (w.kind === 'noisy') updatePressure(m);
      // An idle server's arrival chain had stopped: start it again.
      if (wasIdle && w.running && (w.kind === 'server' || w.kind === 'io') && i.load > 0) {
        schedule(m, m.now + 1, EV.arrival, w.id, w.epoch, 0);
      }
      return OK;
    }
    case 'service.redirect': {
      const w = findWorkload(m, i.name);
      if (!w) return fail('ENOENT', `No such workload: ${i.name}`);
      if (w.kind !== 'server') return fail('EINVAL', `${i.name} is not a front end`);
      const b = instanceByName(m, i.backend);
      if (!b) return fail('ENOENT', `No such instance: ${i.backend}`);
      w.backend = b.id;
      happen(m, 'service.redirect', w.kernel, { name: i.name, backend: b.name });
      return OK;
    }
    case 'fault':
      return injectFault(m, i);
  }
}

function findWorkload(m: Machine, name: string) {
  return m.workloads.find((w) => w.name === name && w.kernel !== -1);
}

const DEFAULT_THREADS: Record<WorkloadKind, number> = {
  server: 2,
  io: 1,
  service: 2,
  rt: 1,
  cpu: 64,
  noisy: 64,
};

function startNew(m: Machine, i: Extract<Input, { type: 'workload.start' }>): ApplyResult {
  if (findWorkload(m, i.name)) return fail('EEXIST', `workload ${i.name} already exists`);
  const k = instanceByName(m, i.kernel);
  if (!k) return fail('ENOENT', `No such instance: ${i.kernel}`);
  const load = i.load ?? 1000;
  if (load < 0 || load > 1000) return fail('EINVAL', 'load is 0–1000 ‰');
  let backend = -1;
  if (i.backend !== undefined) {
    const b = instanceByName(m, i.backend);
    if (!b) return fail('ENOENT', `No such instance: ${i.backend}`);
    if (i.kind !== 'server') return fail('EINVAL', 'only a server has a backend');
    backend = b.id;
  }
  if (i.kind === 'io') {
    const d = m.devices.find((x) => x.pci === i.device);
    if (!d) return fail('EINVAL', 'an io workload needs a --device it can use');
    if (d.owner !== k.id) return fail('EBUSY', `device ${d.pci} is not ${k.name}'s`);
  }
  const threads = i.threads ?? DEFAULT_THREADS[i.kind];
  if (threads < 1 || threads > 256) return fail('EINVAL', 'threads is 1–256');
  const w = newWorkload(m, i.name, i.kind, k.id, load, threads, backend, i.device ?? null);
  m.workloads.push(w);
  klog(m, k, `systemd[1]: Started ${i.name} (${i.kind})`);
  happen(m, 'workload.start', k.id, { name: i.name });
  startWorkload(m, w);
  return { ok: true, id: w.id };
}

function userMessage(m: Machine, i: Extract<Input, { type: 'msg.send' }>): ApplyResult {
  const from = instanceByName(m, i.from);
  if (!from) return fail('ENOENT', `No such instance: ${i.from}`);
  if (!isRunning(from)) return fail('EINVAL', `instance ${i.from} is not running`);
  const to = instanceByName(m, i.to);
  if (!to) return fail('ENOENT', `No such instance: ${i.to}`);
  const r = sendMessage(m, from, to.id, i.category, i.subtype ?? 'generic', i.bytes ?? 64, 0, 0);
  return r.ok ? { ok: true, id: r.id } : r;
}
