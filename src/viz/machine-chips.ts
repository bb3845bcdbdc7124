import { fitText, textWidth } from './machine-text';
import type { ChipBox, DeviceChipSpec, LaneChip, TextBox, WorkloadSpec } from './machine-types';

/** Label size of every chip (the view's smallest text: never below 12 px). */
export const CHIP_FONT = 12;
/** A workload lane under a row of CPU cells. */
export const LANE_H = 18;
export const LANE_GAP = 3;
/** A device chip, or a chip of a workload that has no CPU. */
export const CHIP_H = 22;
export const CHIP_GAP = 6;
const CHIP_PAD = 8;
const BADGE_PAD = 5;

export function textBox(
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  opts: { size?: number; bold?: boolean; anchor?: TextBox['anchor'] } = {},
): TextBox {
  return {
    x,
    y,
    w,
    h,
    text,
    size: opts.size ?? CHIP_FONT,
    bold: opts.bold ?? false,
    anchor: opts.anchor ?? 'start',
  };
}

/** The text box of a label that fits in `maxW`: as wide as the (cut) text, or null when empty. */
export function fittedBox(
  x: number,
  y: number,
  h: number,
  text: string,
  maxW: number,
  opts: { size?: number; bold?: boolean } = {},
): TextBox | null {
  const size = opts.size ?? CHIP_FONT;
  const bold = opts.bold ?? false;
  const shown = fitText(text, size, Math.max(0, maxW), bold);
  if (!shown) return null;
  return textBox(x, y, Math.min(maxW, textWidth(shown, size, bold)), h, shown, { size, bold });
}

/** A cell of a grid row, as the lanes below it need it. */
export interface RowCell {
  readonly id: number;
  readonly x: number;
  readonly w: number;
}

/**
 * Lanes under one row of CPU cells: one lane per workload placed on a CPU of the row, and in it
 * one chip per run of adjacent cells, so a process visibly sits on the CPUs it runs on.
 */
export function laneChips(
  row: readonly RowCell[],
  workloads: readonly WorkloadSpec[],
  top: number,
  rowIndex: number,
): { chips: LaneChip[]; height: number } {
  const chips: LaneChip[] = [];
  let lane = 0;
  for (const wl of workloads) {
    const on = new Set(wl.cpus);
    let start = -1;
    let placed = false;
    for (let i = 0; i <= row.length; i++) {
      const cell = row[i];
      const inside = cell !== undefined && on.has(cell.id);
      if (inside && start < 0) start = i;
      if (!inside && start >= 0) {
        const first = row[start] as RowCell;
        const last = row[i - 1] as RowCell;
        const x = first.x;
        const w = last.x + last.w - first.x;
        const y = top + lane * (LANE_H + LANE_GAP);
        const label = fittedBox(x + CHIP_PAD / 2, y, LANE_H, wl.name, w - CHIP_PAD);
        chips.push({
          key: `${wl.id}:${rowIndex}:${start}`,
          workload: wl.id,
          x,
          y,
          w,
          h: LANE_H,
          label: label ?? textBox(x, y, 0, LANE_H, ''),
          badge: null,
        });
        start = -1;
        placed = true;
      }
    }
    if (placed) lane++;
  }
  return { chips, height: lane === 0 ? 0 : lane * (LANE_H + LANE_GAP) };
}

export interface FlowItem {
  readonly key: string;
  readonly label: string;
  readonly badge: string | null;
}

/** The natural width of a flowing chip (its label, and its badge). */
export function chipWidth(item: FlowItem): number {
  const label = textWidth(item.label, CHIP_FONT) + 2 * CHIP_PAD;
  return item.badge ? label + textWidth(item.badge, CHIP_FONT) + 2 * BADGE_PAD + 4 : label;
}

/** Chips laid left to right, wrapping at `maxW`; a chip wider than a line is cut to fit. */
export function flowChips(
  items: readonly FlowItem[],
  left: number,
  top: number,
  maxW: number,
): { chips: ChipBox[]; height: number } {
  const chips: ChipBox[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    const w = Math.min(maxW, chipWidth(item));
    if (x > left && x + w > left + maxW) {
      x = left;
      y += CHIP_H + CHIP_GAP;
    }
    const badgeW = item.badge ? textWidth(item.badge, CHIP_FONT) + 2 * BADGE_PAD : 0;
    const labelMax = w - 2 * CHIP_PAD - (badgeW ? badgeW + 4 : 0);
    const label = fittedBox(x + CHIP_PAD, y, CHIP_H, item.label, labelMax);
    const badgeRect = { x: x + w - badgeW - 3, y: y + 3, w: badgeW, h: CHIP_H - 6 };
    chips.push({
      key: item.key,
      x,
      y,
      w,
      h: CHIP_H,
      label: label ?? textBox(x + CHIP_PAD, y, 0, CHIP_H, ''),
      badge:
        item.badge && badgeW
          ? {
              rect: badgeRect,
              text: textBox(badgeRect.x + BADGE_PAD, y, badgeW - 2 * BADGE_PAD, CHIP_H, item.badge),
            }
          : null,
    });
    x += w + CHIP_GAP;
  }
  return { chips, height: items.length ? y - top + CHIP_H : 0 };
}

/** Flow items for a kernel's devices and its workloads that have no CPU. */
export function deviceItems(devices: readonly DeviceChipSpec[]): FlowItem[] {
  return devices.map((d) => ({ key: d.pci, label: d.label, badge: d.badge }));
}
