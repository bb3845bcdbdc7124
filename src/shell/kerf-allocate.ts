import { HOST, POOL, type Machine } from '../sim';
import { spawns } from './model';

// kerf create's --cpu-count: which free CPUs it takes, by its --cpu-affinity policy and
// --numa-nodes (kerf's create/main.py, allocate_cpus_from_pool and its three helpers). The lab's
// machine always knows each CPU's NUMA node, so kerf's "requires NUMA topology" branch never
// applies here.

export const AFFINITIES = ['compact', 'spread', 'local'] as const;
export type Affinity = (typeof AFFINITIES)[number];

/** CPUs free to give an instance: the pool's (GitHub tree), else the host's (v1, v2). */
export function freeCpus(m: Machine): number[] {
  const taken = new Set(spawns(m).flatMap((i) => i.cpus));
  const owner = m.version === 'github' ? POOL : HOST;
  return m.cpus.filter((c) => !taken.has(c.id) && c.owner === owner).map((c) => c.id);
}

function consecutive(cpus: readonly number[], count: number): number[] | null {
  for (let i = 0; i + count <= cpus.length; i++) {
    if ((cpus[i + count - 1] as number) - (cpus[i] as number) === count - 1) {
      return cpus.slice(i, i + count);
    }
  }
  return null;
}

const byNumber = (a: number, b: number) => a - b;

/** kerf's allocate_cpus_from_pool: the CPUs, or kerf's ResourceError text. */
export function allocateCpus(
  m: Machine,
  count: number,
  affinity: Affinity,
  nodes: readonly number[] | undefined,
): number[] | { readonly error: string } {
  const nodeOf = (c: number) => m.cpus[c]?.numa;
  const inNode = (list: readonly number[], node: number) => list.filter((c) => nodeOf(c) === node);
  let available = freeCpus(m);
  if (nodes) available = available.filter((c) => nodes.includes(nodeOf(c) as number));
  if (available.length < count) {
    return nodes
      ? {
          error: `Not enough APIC IDs available in NUMA nodes [${nodes.join(', ')}]: requested ${count}, but only ${available.length} available`,
        }
      : {
          error: `Not enough APIC IDs available: requested ${count}, but only ${available.length} available in pool`,
        };
  }
  if (affinity === 'compact') {
    for (const node of nodes ?? []) {
      const here = inNode(available, node);
      if (here.length >= count) return consecutive(here, count) ?? here.slice(0, count);
    }
    return consecutive(available, count) ?? available.slice(0, count);
  }
  if (affinity === 'spread') {
    if (nodes)
      return roundRobin(
        nodes.map((n) => inNode(available, n)).filter((l) => l.length),
        count,
      );
    if (count === 1) return [available[0] as number];
    const step = (available.length - 1) / (count - 1);
    return Array.from({ length: count }, (_, i) => available[Math.trunc(i * step)] as number).sort(
      byNumber,
    );
  }
  // local: one NUMA node holds them all.
  if (nodes) {
    const node = nodes[0] as number;
    const here = inNode(available, node);
    if (here.length >= count) return here.slice(0, count);
    return {
      error: `Not enough APIC IDs in NUMA node ${node}: requested ${count}, but only ${here.length} available`,
    };
  }
  for (let node = 0; node < m.config.numaNodes; node++) {
    const here = inNode(available, node);
    if (here.length >= count) return here.slice(0, count);
  }
  return { error: `No single NUMA node has ${count} available APIC IDs for 'local' affinity` };
}

/** kerf's spread over NUMA nodes: one CPU from each node in turn. */
function roundRobin(lists: readonly number[][], count: number): number[] {
  const next = lists.map(() => 0);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % lists.length;
    const list = lists[k] as number[];
    if ((next[k] as number) < list.length) {
      out.push(list[next[k] as number] as number);
      next[k] = (next[k] as number) + 1;
      continue;
    }
    // This node is used up: the first node with one left gives it.
    const j = lists.findIndex((l, n) => (next[n] as number) < l.length);
    if (j < 0) break;
    out.push((lists[j] as number[])[next[j] as number] as number);
    next[j] = (next[j] as number) + 1;
  }
  return out.sort(byNumber);
}
