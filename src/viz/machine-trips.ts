import type { TrafficEvent } from '../contract';
import type { Dot, IpiGeometry, IpiTiming } from './machine-ipi';
import type { Point, Rect } from './machine-types';

// A message's trip as the machine view's dot makes it (see ipiScene in machine-ipi): from the
// sending CPU to the target's ring, a wait there, then on to the CPU that handles it, and a fade.

/** Where dots leave and reach a cell: its middle, low down. */
const port = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h * 0.68 });
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Where a message is on its trip at `now`: its leg, how far along (0–1), how opaque, whether it
 * waits at the ring; null once it has faded (or has no ring to go to). */
interface Trip {
  /** 'out': sending CPU → ring; 'on': ring → handling CPU. */
  readonly leg: 'out' | 'on';
  readonly along: number;
  readonly opacity: number;
  readonly waiting: boolean;
  /** The handling CPU's cell, on the second leg. */
  readonly to?: Rect;
}

export function tripAt(
  send: TrafficEvent,
  deliver: TrafficEvent | undefined,
  endedAt: number | undefined,
  geo: IpiGeometry,
  now: number,
  { legNs, fadeNs }: IpiTiming,
): Trip | null {
  if (!geo.ring(send.to)) return null;
  const first = clamp01((now - send.t) / legNs);
  const handlerCell = deliver ? geo.cell(deliver.cpu) : undefined;
  if (!deliver || !handlerCell) {
    // Waiting in the ring; or overwritten / dropped there, fading from the moment it ended.
    if (endedAt === undefined) return { leg: 'out', along: first, opacity: 1, waiting: first >= 1 };
    const fade = 1 - (now - Math.max(endedAt, send.t + legNs)) / fadeNs;
    return fade > 0
      ? { leg: 'out', along: first, opacity: Math.min(1, fade), waiting: false }
      : null;
  }
  // Handled: on from the ring to the handling CPU once it got there, then fade.
  const onward = Math.max(deliver.t, send.t + legNs);
  if (now < onward) return { leg: 'out', along: first, opacity: 1, waiting: first >= 1 };
  const fade = 1 - (now - onward - legNs) / fadeNs;
  if (fade <= 0) return null;
  const along = clamp01((now - onward) / legNs);
  return { leg: 'on', along, opacity: Math.min(1, fade), waiting: false, to: handlerCell };
}

export function placeDot(send: TrafficEvent, trip: Trip, geo: IpiGeometry): Dot {
  // The dot and at most one point: this runs for every dot, every frame (issue 14).
  const ring = geo.ring(send.to) as Point;
  let from: Point = ring;
  let to: Point = ring;
  if (trip.leg === 'on' && trip.to) to = port(trip.to);
  else {
    const fromCell = geo.cell(send.cpu);
    from = fromCell ? port(fromCell) : (geo.ring(send.from) ?? ring);
  }
  return {
    seq: send.seq,
    owner: send.from,
    opacity: trip.opacity,
    waiting: trip.waiting,
    x: from.x + (to.x - from.x) * trip.along,
    y: from.y + (to.y - from.y) * trip.along,
  };
}
