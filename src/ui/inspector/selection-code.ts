import type { ConstantName } from '../../contract';
import type { Selection } from '../../store/selection-store';

// A module of its own: the machine's buttons carry these codes on every page (the embed's too),
// and the rest of the inspector's helpers (story.ts) need not come with them.

/** A selection as one string (a `<select>` value) and back. */
export function encodeSelection(s: Selection | null): string {
  if (!s) return '';
  switch (s.kind) {
    case 'cpu':
    case 'kernel':
    case 'workload':
      return `${s.kind}:${s.id}`;
    case 'device':
      return `device:${s.pci}`;
    case 'message':
      return `message:${s.seq}`;
    case 'constant':
      return `constant:${s.name}`;
    case 'memory':
      return 'memory:all';
  }
}

export function decodeSelection(v: string): Selection | null {
  const at = v.indexOf(':');
  if (at < 0) return null;
  const kind = v.slice(0, at);
  const rest = v.slice(at + 1);
  const n = /^\d+$/.test(rest) ? Number(rest) : NaN;
  switch (kind) {
    case 'cpu':
    case 'kernel':
    case 'workload':
      return Number.isSafeInteger(n) ? { kind, id: n } : null;
    case 'message':
      return Number.isSafeInteger(n) ? { kind, seq: n } : null;
    case 'device':
      return rest ? { kind, pci: rest } : null;
    case 'constant':
      return rest ? { kind, name: rest as ConstantName } : null;
    case 'memory':
      return { kind };
    default:
      return null;
  }
}
