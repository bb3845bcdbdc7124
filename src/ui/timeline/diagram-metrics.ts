import type { LaneRow } from '../../viz/timeline-lanes';

// The diagram's fixed measures, shared by the diagram, its parts and the timeline around it.

export const AXIS_H = 24;
export const EVENTS_H = 32;
export const HEADER_H = 24;
export const RIGHT_PAD = 12;

/** Where the label column ends, for a given width. */
export function plotLeft(width: number): number {
  return width < 560 ? 64 : 80;
}

export function rowKey(r: LaneRow): string {
  return r.kind === 'group' ? `g${r.owner}` : `c${r.cpu}`;
}
