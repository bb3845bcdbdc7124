import type { Happening, HappeningKind } from '../contract';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle } from 'd3';
import type { TimeWindow } from './timeline-window';

/** Boot, halt and crash marks from the narrated happenings. */

export type HappeningMarkKind = 'panic' | 'lockup' | 'state' | 'claim' | 'timeout';

/** The mark each kind of happening gets on the timeline (null: none). Every kind says. */
const MARK: Readonly<Record<HappeningKind, HappeningMarkKind | null>> = {
  panic: 'panic',
  lockup: 'lockup',
  'instance.state': 'state',
  'mailbox.claim': 'claim',
  'kill.timeout': 'timeout',
  'instance.deleted': null,
  'claim-miss': null,
  'cpu.host': null,
  'cpu.offline': null,
  'cpu.online': null,
  'cpu.pool': null,
  'device.lend': null,
  'device.return': null,
  'dma.blocked': null,
  'dma.corrupt': null,
  'ipi-flood': null,
  iommu: null,
  'pool.grow': null,
  pressure: null,
  scribble: null,
  'service.redirect': null,
  stall: null,
  version: null,
  'workload.start': null,
  'workload.stop': null,
};

export interface HappeningMark {
  readonly seq: number;
  readonly t: number;
  readonly kind: HappeningMarkKind;
  /** The happening's own kind ('panic', 'instance.state', …). */
  readonly source: HappeningKind;
  readonly kernel: number;
  readonly detail: Readonly<Record<string, string | number>>;
  /** Faults draw a line across the kernel's lanes. */
  readonly severe: boolean;
}

/** The happenings of the kinds the timeline marks, inside the window, oldest first. */
export function happeningMarks(happenings: readonly Happening[], win: TimeWindow): HappeningMark[] {
  const out: HappeningMark[] = [];
  for (const h of happenings) {
    const kind = MARK[h.kind];
    if (!kind || h.t < win.start || h.t > win.end) continue;
    out.push({
      seq: h.seq,
      t: h.t,
      kind,
      source: h.kind,
      kernel: h.kernel,
      detail: h.detail,
      severe: kind === 'panic' || kind === 'lockup' || kind === 'timeout',
    });
  }
  return out;
}

const SYMBOLS = {
  panic: symbolTriangle,
  lockup: symbolDiamond,
  state: symbolCircle,
  claim: symbolSquare,
  timeout: symbolStar,
} as const;

/** SVG path of a mark's glyph, centred on 0,0, about `size` px across. */
export function markPath(kind: HappeningMarkKind, size = 12): string {
  return symbol(SYMBOLS[kind], size * size * 0.5)() ?? '';
}

/**
 * Spread marks that would overlap along one row: each gets a slot index so marks closer than
 * `minPx` stack in sub-rows (at most `slots`), instead of drawing on top of each other.
 */
export function stackMarks(xs: readonly number[], minPx: number, slots = 2): number[] {
  const lastX: number[] = [];
  return xs.map((x) => {
    for (let s = 0; s < slots; s++) {
      const prev = lastX[s];
      if (prev === undefined || x - prev >= minPx) {
        lastX[s] = x;
        return s;
      }
    }
    lastX[slots - 1] = x;
    return slots - 1;
  });
}
