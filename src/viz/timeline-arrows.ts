import type { TrafficEvent } from '../contract';
import type { TimeWindow } from './timeline-window';

/**
 * IPI arrows for the space-time diagram: a message's 'send' at (t, sending CPU) paired with its
 * 'deliver' (same id) at (t, handling CPU); refusals, drops and overwrites as fate marks; bare
 * IPIs (a flood) as ticks on the target CPU. A busy window is thinned in timeline-bundles.ts and
 * drawn by timeline-arrow-paths.ts.
 */

export type ArrowEnd = 'deliver' | 'fate' | 'pending';

export interface Arrow {
  /** The 'send' event's seq: what selecting the message uses. */
  readonly seq: number;
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly t0: number;
  readonly cpu0: number;
  /** Where the arrow ends: the handling CPU, the CPU where it was dropped, or (pending) the sender. */
  readonly t1: number;
  readonly cpu1: number;
  readonly end: ArrowEnd;
  readonly category: string;
  readonly subtype: string;
}

export type FateKind = 'reject' | 'drop' | 'overwrite';

export interface FateMark {
  readonly seq: number;
  /** The send's seq when the page saw it, else this event's own seq. */
  readonly messageSeq: number;
  readonly t: number;
  readonly cpu: number;
  readonly kind: FateKind;
  readonly reason: string;
  readonly from: number;
  readonly to: number;
  readonly category: string;
  readonly subtype: string;
}

export interface RawIpi {
  readonly seq: number;
  readonly t: number;
  readonly cpu: number;
  readonly from: number;
  readonly to: number;
}

export interface Traffic {
  readonly arrows: Arrow[];
  readonly fates: FateMark[];
  readonly ipis: RawIpi[];
}

/**
 * Pair the traffic (oldest first) into what the window shows. An arrow is kept when any part of it
 * lies in the window; a send with no outcome yet is `pending` and ends where it starts (at `now`
 * it is still in flight). A 'deliver' whose send the page never saw (left out of a busy frame, or
 * older than the buffer) is not drawn.
 */
export function pairTraffic(traffic: readonly TrafficEvent[], win: TimeWindow): Traffic {
  const open = new Map<number, TrafficEvent>();
  const arrows: Arrow[] = [];
  const fates: FateMark[] = [];
  const ipis: RawIpi[] = [];
  const inWin = (t0: number, t1: number) => t1 >= win.start && t0 <= win.end;
  const arrow = (s: TrafficEvent, t1: number, cpu1: number, end: ArrowEnd): Arrow => ({
    seq: s.seq,
    id: s.id,
    from: s.from,
    to: s.to,
    t0: s.t,
    cpu0: s.cpu,
    t1,
    cpu1,
    end,
    category: s.category,
    subtype: s.subtype,
  });
  for (const e of traffic) {
    switch (e.kind) {
      case 'send':
        open.set(e.id, e);
        break;
      case 'deliver': {
        const s = open.get(e.id);
        if (!s) break;
        open.delete(e.id);
        if (inWin(s.t, e.t) && s.cpu >= 0 && e.cpu >= 0)
          arrows.push(arrow(s, e.t, e.cpu, 'deliver'));
        break;
      }
      case 'ipi':
        if (inWin(e.t, e.t) && e.cpu >= 0)
          ipis.push({ seq: e.seq, t: e.t, cpu: e.cpu, from: e.from, to: e.to });
        break;
      default: {
        // reject / drop / overwrite: the message's fate. A sent message that is later dropped or
        // overwritten ends its arrow at the fate mark.
        const s = open.get(e.id);
        if (s) open.delete(e.id);
        const cpu = e.cpu >= 0 ? e.cpu : (s?.cpu ?? -1);
        if (s && s.cpu >= 0 && cpu >= 0 && inWin(s.t, e.t)) arrows.push(arrow(s, e.t, cpu, 'fate'));
        if (cpu >= 0 && inWin(e.t, e.t)) {
          fates.push({
            seq: e.seq,
            messageSeq: s ? s.seq : e.seq,
            t: e.t,
            cpu,
            kind: e.kind,
            reason: e.reason,
            from: e.from,
            to: e.to,
            category: e.category,
            subtype: e.subtype,
          });
        }
      }
    }
  }
  for (const s of open.values()) {
    if (s.cpu >= 0 && inWin(s.t, s.t)) arrows.push(arrow(s, s.t, s.cpu, 'pending'));
  }
  arrows.sort((a, b) => a.seq - b.seq);
  return { arrows, fates, ipis };
}
