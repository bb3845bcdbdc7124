import { textWidth } from './machine-text';

// The machine view's text sizes and spacing, and its CPU cells: how wide one is, where its
// label and state go, and how many go in a row.

/** Sizes of the machine view. Text is 14 px (kernel names) or 12 px (everything else). */
export const TITLE_FONT = 14;
export const LABEL_FONT = 12;
export const LINE_H = 18;
const CELL_H = 48;
const CELL_GAP = 6;
const CELL_PAD = 6;
/** Room before a cell's state word for its drawn glyph (‖, ✕, a ring…). */
export const CELL_ICON = 14;

export interface Metrics {
  readonly pad: number;
  readonly gap: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly cellGap: number;
}

/** Spacing for a container `width` px wide; cells fit the widest text a cell can show. */
export function metricsFor(width: number, cellTexts: readonly string[]): Metrics {
  const narrow = width < 560;
  const widest = Math.max(0, ...cellTexts.map((s) => textWidth(s, LABEL_FONT)));
  return {
    pad: narrow ? 10 : 14,
    gap: narrow ? 12 : 18,
    cellW: Math.max(64, Math.ceil(widest + CELL_ICON + 2 * CELL_PAD)),
    cellH: CELL_H,
    cellGap: CELL_GAP,
  };
}

/** Where a cell's label ("CPU 4") and its state line go: the view draws into these. */
export function cellSlots(cell: { x: number; y: number; w: number; h: number }) {
  const innerW = cell.w - 2 * CELL_PAD;
  return {
    label: { x: cell.x + CELL_PAD, y: cell.y + 5, w: innerW - 10, h: LINE_H },
    busy: { x: cell.x + cell.w - CELL_PAD - 4, y: cell.y + 5 + LINE_H / 2 },
    icon: { x: cell.x + CELL_PAD, y: cell.y + cell.h - 5 - LINE_H, w: CELL_ICON - 4, h: LINE_H },
    state: {
      x: cell.x + CELL_PAD + CELL_ICON,
      y: cell.y + cell.h - 5 - LINE_H,
      w: innerW - CELL_ICON,
      h: LINE_H,
    },
  };
}

/**
 * Grid columns for a group of `n` CPUs, if they fit: up to 8 in one row (a machine of 8 before
 * it is split is one short band, leaving the height to the memory bar and the step), then a
 * square-ish grid of rows of up to 8 for big groups.
 */
export function columnsFor(n: number, fit: number): number {
  if (n === 0) return 0;
  const preferred = n <= 8 ? n : Math.min(8, Math.ceil(Math.sqrt(n)));
  return Math.max(1, Math.min(preferred, fit));
}
