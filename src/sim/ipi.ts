import { K } from './constants';
import { EV } from './events';
import { fail } from './errors';
import { schedule } from './machine';
import { rec, TRACE } from './trace';
import { FATE_CODE } from '../contract';
import { emitRawIpi, emitTraffic } from './visual';
import {
  HOST,
  type Cpu,
  type DropReason,
  type Fate,
  type Instance,
  type Machine,
  type Msg,
  type MsgCategory,
  type SimError,
} from './types';

/** Message type codes of include/linux/multikernel.h (facts §1.9). */
export const CATEGORY_CODE: Record<MsgCategory, number> = {
  IO: 0x1000,
  RESOURCE: 0x2000,
  SYSTEM: 0x3000,
  USER: 0x4000,
  NETWORK: 0x5000,
};
const RING_MASK = K.ringEntries - 1;

export type SendResult = { ok: true; id: number } | (SimError & { id?: number });

export function ringCount(inst: Instance): number {
  return (inst.ring.head - inst.ring.tail) & RING_MASK;
}

/** The CPU that takes an instance's IPIs: its boot CPU (the host: its first online CPU). */
export function irqCpu(m: Machine, inst: Instance): Cpu | undefined {
  for (const id of inst.cpus) {
    const c = m.cpus[id] as Cpu;
    if (c.owner === inst.id && (c.state === 'online' || inst.id !== HOST)) return c;
  }
  return undefined;
}

function setFate(
  m: Machine,
  msg: Msg,
  fate: Exclude<Fate, 'in-flight'>,
  reason?: DropReason,
): void {
  m.counters.fates[fate]++;
  if (reason) m.counters.dropReasons[reason]++;
  if (m.audit) {
    const prev = m.audit.get(msg.id);
    if (prev !== undefined && prev !== 'in-flight') {
      throw new Error(`message ${msg.id} got a second fate ${fate} after ${prev}`);
    }
    m.audit.set(msg.id, fate);
  }
}

function resolveInFlight(
  m: Machine,
  msg: Msg,
  fate: Exclude<Fate, 'in-flight'>,
  reason?: DropReason,
): void {
  m.counters.fates['in-flight']--;
  setFate(m, msg, fate, reason);
}

/**
 * Send one message from `from` to `toId` (GitHub ring or v1/v2 slot, by the machine's version).
 * The sender's CPU pays nothing here: claiming a slot is a few stores.
 */
export function sendMessage(
  m: Machine,
  from: Instance,
  toId: number,
  category: MsgCategory,
  subtype: string,
  bytes: number,
  a: number,
  b: number,
): SendResult {
  const err = send(m, from, toId, category, subtype, bytes, a, b);
  return err ?? { ok: true, id: from.id * 0x100000000 + from.msgSeq };
}

/**
 * `sendMessage` for the workloads' requests and replies, which only ask whether it went: no
 * result object per message (one in five events sends one).
 */
export function post(
  m: Machine,
  from: Instance,
  toId: number,
  category: MsgCategory,
  subtype: string,
  bytes: number,
  a: number,
  b: number,
): boolean {
  return send(m, from, toId, category, subtype, bytes, a, b) === null;
}

/** The send itself: null once the message is on its way (its id is the sender's msgSeq). */
function send(
  m: Machine,
  from: Instance,
  toId: number,
  category: MsgCategory,
  subtype: string,
  bytes: number,
  a: number,
  b: number,
): Exclude<SendResult, { ok: true }> | null {
  const ring = m.version === 'github';
  const limit = ring ? K.ringEntryBytes : K.slotBytes;
  if (bytes < 0 || bytes > limit) {
    return fail(
      'EINVAL',
      `message of ${bytes} bytes exceeds the ${limit} B ${ring ? 'ring entry' : 'slot'}`,
    );
  }
  const to = m.instances.get(toId);
  if (!to) return fail('ENOENT', `No such instance: ${toId}`);
  const id = from.id * 0x100000000 + ++from.msgSeq;
  const msg: Msg = { id, from: from.id, to: toId, category, subtype, bytes, sentAt: m.now, a, b };
  m.counters.sent++;
  from.stats.msgsSent++;
  m.audit?.set(id, 'in-flight');
  rec(m, from, TRACE.tx, toId, CATEGORY_CODE[category]);
  const cpu = irqCpu(m, to);
  const fromCpu = irqCpu(m, from)?.id ?? -1;
  if (ring) {
    // Newer ipi.c refuses sends to an instance that is not ready (facts §1.9).
    if (to.state !== 'active' || !cpu) {
      setFate(m, msg, 'dropped', 'target-halted');
      emitTraffic(m, 'drop', msg, fromCpu, 'target-halted');
      rec(m, from, TRACE.fate, toId, FATE_CODE.targetHalted);
      return { ...fail('EBUSY', `instance ${to.name} is not active`), id };
    }
    if (ringCount(to) === RING_MASK) {
      setFate(m, msg, 'rejected-enospc');
      emitTraffic(m, 'reject', msg, fromCpu, 'ENOSPC');
      from.stats.enospc++;
      rec(m, from, TRACE.fate, toId, FATE_CODE.ringFull);
      return { ...fail('ENOSPC', `ring of ${to.name} is full`), id };
    }
    to.ring.entries[to.ring.head] = msg;
    to.ring.head = (to.ring.head + 1) & RING_MASK;
  } else {
    if (!cpu) {
      setFate(m, msg, 'dropped', 'target-gone');
      emitTraffic(m, 'drop', msg, fromCpu, 'target-gone');
      rec(m, from, TRACE.fate, toId, FATE_CODE.targetGone);
      return { ...fail('ENOENT', `instance ${to.name} has no CPU to signal`), id };
    }
    // v1/v2: no queue and no ack: the next send overwrites the slot (facts §1.9).
    if (cpu.slot) {
      resolveInFlight(m, cpu.slot, 'overwritten');
      emitTraffic(m, 'overwrite', cpu.slot, cpu.id, 'overwritten');
    }
    cpu.slot = msg;
  }
  m.counters.fates['in-flight']++;
  emitTraffic(m, 'send', msg, fromCpu);
  schedule(m, m.now + K.ipiLatency, EV.ipiArrive, toId, cpu.id, cpu.epoch);
  return null;
}

/** A bare IPI at a CPU (the flood fault's DoS): the handler finds nothing new but still runs. */
export function sendRawIpi(m: Machine, fromId: number, toId: number, cpu: Cpu): void {
  emitRawIpi(m, fromId, toId, cpu);
  schedule(m, m.now + K.ipiLatency, EV.ipiArrive, toId, cpu.id, cpu.epoch);
}

/**
 * What the last `drain` took, reused: no list per IPI. Only `onIpi` drains, and nothing it calls
 * drains again, so the list is read before it is refilled; it never shrinks (a shrunk array
 * would reallocate its storage on the next IPI).
 */
export const drained: (Msg | null)[] = [];

/**
 * Drain what waits for an instance on this CPU into `drained`, in arrival order; returns how
 * many. The caller reads them and clears the slots (`drained[i] = null`).
 */
export function drain(m: Machine, inst: Instance, cpu: Cpu): number {
  let n = 0;
  if (m.version === 'github' || ringCount(inst) > 0) {
    const r = inst.ring;
    while (r.tail !== r.head) {
      const msg = r.entries[r.tail] as Msg;
      r.entries[r.tail] = null;
      r.tail = (r.tail + 1) & RING_MASK;
      drained[n++] = msg;
    }
  }
  if (cpu.slot) {
    drained[n++] = cpu.slot;
    cpu.slot = null;
  }
  for (let i = 0; i < n; i++) {
    const msg = drained[i] as Msg;
    resolveInFlight(m, msg, 'delivered');
    emitTraffic(m, 'deliver', msg, cpu.id);
  }
  return n;
}

/** Throw away everything waiting for an instance (it parked or was deleted). */
export function resetRing(m: Machine, inst: Instance): void {
  const r = inst.ring;
  while (r.tail !== r.head) {
    const msg = r.entries[r.tail] as Msg;
    r.entries[r.tail] = null;
    r.tail = (r.tail + 1) & RING_MASK;
    resolveInFlight(m, msg, 'dropped', 'ring-reset');
    emitTraffic(m, 'drop', msg, -1, 'ring-reset');
  }
  for (const id of inst.cpus) {
    const c = m.cpus[id] as Cpu;
    if (c.slot && c.slot.to === inst.id) {
      resolveInFlight(m, c.slot, 'dropped', 'ring-reset');
      emitTraffic(m, 'drop', c.slot, c.id, 'ring-reset');
      c.slot = null;
    }
  }
}

/** Messages still in flight, from rings and slots: the in-flight fate's contents. */
export function inFlightMessages(m: Machine): Msg[] {
  const out: Msg[] = [];
  for (const inst of m.instances.values()) {
    const r = inst.ring;
    for (let i = r.tail; i !== r.head; i = (i + 1) & RING_MASK) out.push(r.entries[i] as Msg);
  }
  for (const c of m.cpus) if (c.slot) out.push(c.slot);
  return out;
}
