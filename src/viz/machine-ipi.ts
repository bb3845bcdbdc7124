import type { TrafficEvent } from '../contract';
import { pairArrows } from './machine-arrows';
import { placeDot, tripAt } from './machine-trips';
import { CELL_ICON, cellSlots } from './machine-cells';
import type { MachineLayout, Point, Rect } from './machine-types';

/**
 * What the IPI layer draws at simulated time `now`: a pure function of the traffic feed, the
 * clock and the layout's geometry, so the animation follows the simulation (pause freezes it,
 * seeking replays it) and costs one pass over the recent traffic per frame.
 */
export interface IpiGeometry {
  cell(cpu: number): Rect | undefined;
  /** Where messages to this kernel arrive: its ring gauge. */
  ring(owner: number): Point | undefined;
  /** Where text is drawn (cell labels, chips, group labels): arrow counts avoid covering it. */
  readonly obstacles: readonly Rect[];
  /** The view's width: arrows stay inside it. */
  readonly width: number;
}

/** The IPI geometry of a laid-out machine: cells, rings, and where text is drawn. */
export function ipiGeometry(layout: MachineLayout): IpiGeometry {
  const rings = new Map(layout.groups.map((g) => [g.owner, g.ringAnchor]));
  const obstacles: Rect[] = [
    ...[...layout.cells.values()].flatMap((c) => {
      const slot = cellSlots(c);
      return [slot.label, { ...slot.state, x: slot.icon.x, w: slot.state.w + CELL_ICON }];
    }),
    ...layout.groups.flatMap((g) => [
      g.name,
      g.state,
      ...(g.gaugeText ? [g.gaugeText] : []),
      ...(g.note ? [g.note] : []),
      ...g.lanes,
      ...g.idle,
      ...g.devices,
    ]),
  ];
  return {
    cell: (id) => layout.cells.get(id),
    ring: (owner) => rings.get(owner),
    obstacles,
    width: layout.width,
  };
}

export interface IpiOptions {
  readonly now: number;
  readonly timing: IpiTiming;
  /** Draw one arrow per pair of kernels instead of a dot per message. */
  readonly asArrows: boolean;
}

/** How long each part of a dot's trip lasts, in simulated ns (see timingFor). */
export interface IpiTiming {
  /** Sending CPU → ring, and ring → handling CPU. */
  readonly legNs: number;
  /** Fading out at the handling CPU (or at the ring, when overwritten or dropped). */
  readonly fadeNs: number;
  /** How far back traffic is read: older messages still waiting show only in the ring gauge. */
  readonly windowNs: number;
}

export interface Dot {
  readonly seq: number;
  readonly owner: number;
  readonly x: number;
  readonly y: number;
  readonly opacity: number;
  /** Sent, not yet handled: it waits at the target's ring. */
  readonly waiting: boolean;
}

export interface PairArrow {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly path: string;
  readonly mid: Point;
  /** False when every spot on the arrow would cover text: the count is then left off (the
   * arrow's width still says how many). */
  readonly labelled: boolean;
  readonly width: number;
}

export type MarkerKind = 'reject' | 'overwrite' | 'drop';
export interface Marker {
  readonly key: string;
  readonly kind: MarkerKind;
  readonly reason: string;
  readonly x: number;
  readonly y: number;
  readonly count: number;
  readonly opacity: number;
}

export interface Flash {
  readonly cpu: number;
  readonly rect: Rect;
  readonly count: number;
  readonly opacity: number;
}

export interface IpiScene {
  /** Dots there would be, drawn or not (the aggregation decision reads it). */
  readonly candidates: number;
  readonly dots: readonly Dot[];
  readonly arrows: readonly PairArrow[];
  readonly markers: readonly Marker[];
  readonly flashes: readonly Flash[];
}

/**
 * With aggregation on, more dots than this become one arrow per pair of kernels… (Dots are
 * copied pictures on a canvas, drawn outside React: a busy preset's few hundred stay smooth on a
 * slow laptop, issue 14, so they are bundled only past what a learner could follow at all.)
 */
export const AGGREGATE_OVER = 400;
/** …and they become dots again below this (no flicker between the two near the limit). */
export const AGGREGATE_UNDER = 300;
/** A bound on individual dots even with aggregation off (the traffic buffer holds 3,000). */
export const MAX_DOTS = 1500;
export const MAX_MARKERS = 12;
/** A refused or dropped message's marker lasts this many fades (1.5 s on screen). */
const MARKER_LIFE = 1.5;
/** Wall seconds each leg of a trip and the fade take at any playback speed. */
const LEG_S = 0.45;
const FADE_S = 1;
/** Read traffic this far back (wall seconds): the legs, the fade, and a margin. */
const WINDOW_S = 2.4;
/** At the slowest speeds, messages waiting a few µs for their IPI stay on screen. */
const MIN_WINDOW_NS = 20_000;

/**
 * Trip timing for a playback speed (simulated ns per wall second): a leg always takes about half
 * a second on screen, so dots are visible at every speed; at slow speeds the true IPI latency
 * (µs) shows as the wait at the ring before the handling CPU takes the message.
 */
export function timingFor(speedNsPerS: number): IpiTiming {
  return {
    legNs: Math.max(1, speedNsPerS * LEG_S),
    fadeNs: Math.max(1, speedNsPerS * FADE_S),
    windowNs: Math.max(MIN_WINDOW_NS, Math.round(speedNsPerS * WINDOW_S)),
  };
}

/** Arrows and their counts are drawn afresh this often (wall seconds): counts that change every
 * frame are a blur to read, and every redraw repaints them. */
const ARROWS_EVERY_S = 0.1;

/** The simulated time the arrows show at `now`: `now` stepped down to a tenth of a wall second. */
export function arrowsTime(now: number, speedNsPerS: number): number {
  const step = Math.max(1, speedNsPerS * ARROWS_EVERY_S);
  return Math.floor(now / step) * step;
}

/** Whether to draw arrows, given how many dots there are and what was drawn last time. */
export function shouldAggregate(dots: number, aggregating: boolean): boolean {
  return aggregating ? dots >= AGGREGATE_UNDER : dots > AGGREGATE_OVER;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Each message's dot goes from the sending CPU to the target's ring, waits there until a CPU of
 * the target handles it, then goes on to that CPU and fades. Overwritten or dropped messages fade
 * at the ring. Refusals and drops leave a marker with their reason; a flood's bare IPIs flash.
 */
export function ipiScene(
  traffic: readonly TrafficEvent[],
  geo: IpiGeometry,
  opts: IpiOptions,
): IpiScene {
  const { now } = opts;
  const { windowNs } = opts.timing;
  const since = now - windowNs;
  const delivered = new Map<number, TrafficEvent>();
  const ended = new Map<number, number>();
  const dots: Dot[] = [];
  let candidates = 0;
  const pairs = new Map<string, { from: number; to: number; count: number }>();
  // Counted in place, not copied for each message counted (a flood's bare IPIs come by the
  // thousand a frame).
  const markers = new Map<string, Mutable<Marker>>();
  const flashes = new Map<number, Mutable<Flash>>();

  for (let i = traffic.length - 1; i >= 0; i--) {
    const ev = traffic[i] as TrafficEvent;
    if (ev.t < since) break;
    if (ev.t > now) continue;
    const age = now - ev.t;
    switch (ev.kind) {
      case 'deliver':
        delivered.set(ev.id, ev);
        break;
      case 'ipi': {
        // A flood's bare IPIs: a short flash on the target CPU, with how many hit it.
        if (age > opts.timing.fadeNs / 2) break;
        const rect = geo.cell(ev.cpu);
        const seen = flashes.get(ev.cpu);
        if (seen) seen.count++;
        else if (rect) {
          flashes.set(ev.cpu, {
            cpu: ev.cpu,
            rect,
            count: 1,
            opacity: 1 - age / (opts.timing.fadeNs / 2),
          });
        }
        break;
      }
      case 'send': {
        // Pairs only for arrows: a key per message, every frame, was garbage the page's collector
        // then cleared while a slow laptop played (issue 14).
        if (opts.asArrows) {
          const key = `${ev.from}>${ev.to}`;
          const pair = pairs.get(key);
          if (pair) pair.count++;
          else pairs.set(key, { from: ev.from, to: ev.to, count: 1 });
        }
        if (candidates >= MAX_DOTS) break;
        const trip = tripAt(ev, delivered.get(ev.id), ended.get(ev.id), geo, now, opts.timing);
        if (!trip) break;
        candidates++;
        // Drawn as arrows, the dots are only counted (the aggregation decision reads how many).
        if (!opts.asArrows) dots.push(placeDot(ev, trip, geo));
        break;
      }
      default: {
        if (ev.kind === 'overwrite' || ev.kind === 'drop') ended.set(ev.id, ev.t);
        if (age > MARKER_LIFE * opts.timing.fadeNs) break;
        const at = ev.cpu >= 0 ? geo.cell(ev.cpu) : undefined;
        const p = at ? { x: at.x + at.w / 2, y: at.y } : geo.ring(ev.to);
        if (!p) break;
        const key = `${ev.kind}:${ev.reason}:${ev.cpu}:${ev.to}`;
        const seen = markers.get(key);
        if (seen) seen.count++;
        else if (markers.size < MAX_MARKERS) {
          markers.set(key, {
            key,
            kind: ev.kind,
            reason: ev.reason,
            x: p.x,
            y: p.y,
            count: 1,
            opacity: 1 - age / (MARKER_LIFE * opts.timing.fadeNs),
          });
        }
      }
    }
  }

  return {
    candidates,
    dots,
    arrows: opts.asArrows ? pairArrows([...pairs.values()], geo) : [],
    markers: [...markers.values()],
    flashes: [...flashes.values()],
  };
}
