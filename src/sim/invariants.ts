import { inFlightMessages } from './ipi';
import { HOST, POOL, type Machine } from './types';

/**
 * The machine's invariants (DESIGN §3). Returns the broken ones, each as a sentence; empty when
 * all hold. Every one has a corrupt-state test in tests/unit/invariants.test.ts.
 */
export function checkInvariants(m: Machine): string[] {
  const bad: string[] = [];
  // One owner per CPU: the CPU's owner field and the instances' CPU lists agree.
  for (const c of m.cpus) {
    const claimants = [...m.instances.values()].filter(
      (i) => i.cpus.includes(c.id) && !i.reservedOnly,
    );
    const owners = claimants.filter((i) => c.owner === i.id);
    if (claimants.length > 1) bad.push(`CPU ${c.id} is listed by ${claimants.length} instances`);
    if (c.owner === POOL && claimants.length > 0)
      bad.push(`CPU ${c.id} is in the pool yet listed by an instance`);
    if (c.owner !== POOL && !m.instances.has(c.owner))
      bad.push(`CPU ${c.id} is owned by missing instance ${c.owner}`);
    if (c.owner !== POOL && c.owner !== HOST && owners.length !== 1)
      bad.push(`CPU ${c.id} is owned by ${c.owner}, which does not list it`);
    if (c.owner === HOST && !m.instances.get(HOST)?.cpus.includes(c.id))
      bad.push(`CPU ${c.id} is the host's but not in its list`);
    // A parked CPU runs nothing.
    if (
      (c.state === 'parked' || c.state === 'offline' || c.state === 'halted') &&
      (c.cur !== null || c.runq.length > 0)
    ) {
      bad.push(`CPU ${c.id} is ${c.state} but runs a task`);
    }
    // A kernel's tasks run on its own CPUs (a stopped workload's last slice may still finish).
    for (const j of c.cur ? [c.cur, ...c.runq] : c.runq) {
      const w = m.workloads[j.wl];
      if (w?.running && w.kernel !== c.owner)
        bad.push(`CPU ${c.id} of ${c.owner} runs a task of kernel ${w.kernel}`);
    }
  }
  // One owner per device.
  for (const d of m.devices) {
    const holders = [...m.instances.values()].filter((i) => i.devices.includes(d.pci));
    if (holders.length !== 1 || holders[0]?.id !== d.owner)
      bad.push(`device ${d.pci} has ${holders.length} holders`);
    if (d.domain && (!m.iommu || d.owner === HOST))
      bad.push(`device ${d.pci} has a stale IOMMU domain`);
  }
  // Memory regions never overlap and match the block map.
  const seen = new Map<number, number>();
  for (const inst of m.instances.values()) {
    for (const b of inst.memBlocks) {
      const prev = seen.get(b);
      if (prev !== undefined) bad.push(`memory block ${b} belongs to both ${prev} and ${inst.id}`);
      seen.set(b, inst.id);
      if (m.blocks[b] !== inst.id)
        bad.push(`memory block ${b} is listed by ${inst.id} but owned by ${m.blocks[b]}`);
    }
  }
  m.blocks.forEach((o, b) => {
    if (o !== POOL && seen.get(b) !== o)
      bad.push(`memory block ${b} is owned by ${o}, which does not list it`);
  });
  // Every message has exactly one fate; the in-flight set is the rings' and slots' contents.
  const f = m.counters.fates;
  const total = f['in-flight'] + f.delivered + f['rejected-enospc'] + f.overwritten + f.dropped;
  if (total !== m.counters.sent)
    bad.push(`${m.counters.sent} messages sent but ${total} fates counted`);
  const inFlight = inFlightMessages(m);
  if (inFlight.length !== f['in-flight'])
    bad.push(`${f['in-flight']} in flight counted, ${inFlight.length} in rings`);
  if (new Set(inFlight.map((x) => x.id)).size !== inFlight.length)
    bad.push('a message sits in two places');
  if (m.audit) {
    const auditIn = [...m.audit.values()].filter((x) => x === 'in-flight').length;
    if (auditIn !== inFlight.length)
      bad.push(`audit has ${auditIn} in flight, rings hold ${inFlight.length}`);
    for (const msg of inFlight)
      if (m.audit.get(msg.id) !== 'in-flight')
        bad.push(`message ${msg.id} is in a ring with fate ${m.audit.get(msg.id)}`);
  }
  return bad;
}
