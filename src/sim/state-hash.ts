import { hashString } from './trace';
import type { Machine } from './types';

/**
 * Fields of the machine that are not its *state*: what it recorded of its *history* (what was
 * observed or narrated, and the trace hash over everything that ever happened), and the token
 * counter. `stateHash` leaves them out, so two machines that got to the same place by different
 * routes — a shell line, or the button that sends the same input — hash the same, and a refused
 * input, which changes nothing that matters, leaves the hash as it was.
 */
const HISTORY_FIELDS: ReadonlySet<string> = new Set([
  // The count of tokens handed out: a token is only ever compared for equality with itself, so
  // the counter's value never changes what the machine does (v1's refused exec draws one).
  'token',
  'hashLo',
  'hashHi',
  'counters',
  'recent',
  'happeningSeq',
  'faults',
  'audit',
  'traffic',
  'trafficNums',
  'trafficTexts',
  'trafficRawAt',
  'trafficRawCount',
  'trafficSeq',
  'cpuLog',
  'cpuLogSeq',
  'cpuSeen',
  'slices',
]);
/** Per-instance history: its own trace hash and recorded trace lines. */
const INSTANCE_HISTORY: ReadonlySet<string> = new Set(['traceHash', 'trace']);

/** JSON-like text with object keys sorted, Maps as sorted [key, value] lists: one form per state. */
function canonical(v: unknown, skip: ReadonlySet<string> | null, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  if (typeof v === 'number') {
    out.push(Number.isFinite(v) ? String(v) : 'NaN');
    return;
  }
  if (typeof v === 'string') {
    out.push(JSON.stringify(v));
    return;
  }
  if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
    return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    v.forEach((x, i) => {
      if (i > 0) out.push(',');
      canonical(x, null, out);
    });
    out.push(']');
    return;
  }
  if (v instanceof Map) {
    const entries = [...(v as Map<unknown, unknown>).entries()].sort((a, b) =>
      String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0,
    );
    out.push('M[');
    entries.forEach(([k, x], i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(String(k)), ':');
      canonical(x, INSTANCE_HISTORY, out);
    });
    out.push(']');
    return;
  }
  const o = v as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const k of Object.keys(o).sort()) {
    if (skip?.has(k)) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(k), ':');
    canonical(o[k], null, out);
  }
  out.push('}');
}

/** The canonical text `stateHash` hashes (exported for tests that want to see what differs). */
export function stateText(m: Machine): string {
  const out: string[] = [];
  // The event queue is a binary heap: the same events can sit in a different array order, so
  // hash them in (time, sequence) order.
  const queue = [...m.queue].sort((a, b) => a.t - b.t || a.seq - b.seq);
  canonical({ ...m, queue }, HISTORY_FIELDS, out);
  return out.join('');
}

/**
 * A hash of the machine's *state* — CPUs, memory blocks, pool, devices, instances (their logs
 * included), workloads, pending events, the clock — and not of its history (see HISTORY_FIELDS).
 * 16 hex digits.
 */
export function stateHash(m: Machine): string {
  const s = stateText(m);
  const lo = hashString(0x811c9dc5, s);
  const hi = hashString(0x6a09e667 ^ lo, s);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
