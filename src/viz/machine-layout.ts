import {
  CHIP_GAP,
  chipWidth,
  deviceItems,
  fittedBox,
  flowChips,
  laneChips,
  textBox,
  type RowCell,
} from './machine-chips';
import { layoutMemory } from './machine-memory';
import { textWidth } from './machine-text';
import type {
  CellBox,
  DeviceChip,
  GroupBox,
  GroupSpec,
  LaneChip,
  LayoutSpec,
  MachineLayout,
} from './machine-types';

/** Sizes of the machine view. Text is 14 px (kernel names) or 12 px (everything else). */
export const TITLE_FONT = 14;
export const LABEL_FONT = 12;
/** The narrowest container the layout plans for (a 360 px phone, less the page's margins). */
export const MIN_WIDTH = 280;
/** Room the view leaves around the layout for focus and selection rings (px). */
export const MARGIN = 6;
const TITLE_H = 22;
const LINE_H = 18;
const CELL_H = 48;
const CELL_GAP = 6;
const CELL_PAD = 6;
/** Room before a cell's state word for its drawn glyph (‖, ✕, a ring…). */
export const CELL_ICON = 14;
const SWATCH = 10;
const GAUGE_W = 40;
const GAUGE_H = 8;

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

/** Grid columns for a group of `n` CPUs: rows of up to 4 (8 for big groups), if they fit. */
export function columnsFor(n: number, fit: number): number {
  if (n === 0) return 0;
  const preferred = n <= 4 ? n : n <= 8 ? 4 : Math.min(8, Math.ceil(Math.sqrt(n)));
  return Math.max(1, Math.min(preferred, fit));
}

interface Built {
  readonly box: GroupBox;
  readonly cells: CellBox[];
}

/** One group, at (x, y) with its inner width; returns its boxes and its height. */
function buildGroup(
  g: GroupSpec,
  x: number,
  y: number,
  innerW: number,
  m: Metrics,
  cellW: number,
): Built {
  const left = x + m.pad;
  const cols = columnsOf(g, innerW, m);
  let cy = y + m.pad;

  const swatch = { x: left, y: cy + (TITLE_H - SWATCH) / 2, w: SWATCH, h: SWATCH };
  const nameX = left + SWATCH + 8;
  const stateW = textWidth(g.state, LABEL_FONT, true);
  const nameW = textWidth(g.name, TITLE_FONT, true);
  const stateInline = g.state !== '' && nameW + 12 + stateW <= innerW - SWATCH - 8;
  const nameMax = innerW - SWATCH - 8 - (stateInline ? stateW + 12 : 0);
  const name =
    fittedBox(nameX, cy, TITLE_H, g.name, nameMax, { size: TITLE_FONT, bold: true }) ??
    textBox(nameX, cy, 0, TITLE_H, '', { size: TITLE_FONT, bold: true });
  let state = textBox(left + innerW - stateW, cy, stateW, TITLE_H, g.state, {
    bold: true,
    anchor: 'end',
  });
  cy += TITLE_H;
  if (!stateInline) {
    const fitted = fittedBox(left, cy, LINE_H, g.state, innerW, { bold: true });
    state = fitted ?? textBox(left, cy, 0, LINE_H, '', { bold: true });
    cy += LINE_H;
  }

  let gaugeBar = null;
  let gaugeText = null;
  let note = null;
  let ringAnchor = { x: left + innerW / 2, y: y + m.pad + TITLE_H / 2 };
  if (g.gauge !== null || g.note !== '') {
    let lineX = left;
    if (g.gauge !== null) {
      gaugeBar = { x: left, y: cy + (LINE_H - GAUGE_H) / 2, w: GAUGE_W, h: GAUGE_H };
      ringAnchor = { x: left + GAUGE_W / 2, y: cy + LINE_H / 2 };
      gaugeText = fittedBox(left + GAUGE_W + 6, cy, LINE_H, g.gauge, innerW - GAUGE_W - 6);
      lineX = left + GAUGE_W + 6 + (gaugeText?.w ?? 0) + 12;
    }
    if (g.note !== '') {
      const noteW = textWidth(g.note, LABEL_FONT);
      if (lineX + noteW <= left + innerW) {
        note = textBox(left + innerW - noteW, cy, noteW, LINE_H, g.note, { anchor: 'end' });
      } else {
        if (g.gauge !== null) cy += LINE_H;
        note = fittedBox(left, cy, LINE_H, g.note, innerW);
      }
    }
    cy += LINE_H;
  }
  cy += 8;

  const cells: CellBox[] = [];
  const lanes: LaneChip[] = [];
  const sorted = [...g.cpus].sort((a, b) => a - b);
  for (let r = 0; cols > 0 && r * cols < sorted.length; r++) {
    const row: RowCell[] = [];
    sorted.slice(r * cols, (r + 1) * cols).forEach((id, c) => {
      const cell = { id, group: g.key, x: left + c * (cellW + m.cellGap), y: cy, w: cellW };
      cells.push({ ...cell, h: m.cellH });
      row.push(cell);
    });
    cy += m.cellH + 4;
    const laid = laneChips(row, g.workloads, cy, r);
    lanes.push(...laid.chips);
    cy += laid.height + m.cellGap - 4;
  }

  const idleSpecs = g.workloads.filter((w) => w.cpus.every((c) => !g.cpus.includes(c)));
  const flow = flowChips(
    [
      ...idleSpecs.map((w) => ({ key: `w${w.id}`, label: w.name, badge: null })),
      ...deviceItems(g.devices),
    ],
    left,
    cy + 2,
    innerW,
  );
  const idle: LaneChip[] = [];
  const devices: DeviceChip[] = [];
  flow.chips.forEach((chip, i) => {
    const wl = idleSpecs[i];
    if (wl) idle.push({ ...chip, workload: wl.id });
    else devices.push({ ...chip, pci: chip.key });
  });
  if (flow.height) cy += flow.height + 2 + CHIP_GAP;

  const h = Math.max(cy - y + m.pad - m.cellGap, TITLE_H + 2 * m.pad);
  const box: GroupBox = {
    key: g.key,
    owner: g.owner,
    x,
    y,
    w: innerW + 2 * m.pad,
    h,
    swatch,
    name,
    state,
    gaugeBar,
    gaugeText,
    note,
    ringAnchor,
    lanes,
    idle,
    devices,
  };
  return { box, cells };
}

/** Grid columns of a group whose inner width is `innerW`. */
function columnsOf(g: GroupSpec, innerW: number, m: Metrics): number {
  return columnsFor(g.cpus.length, Math.floor((innerW + m.cellGap) / (m.cellW + m.cellGap)));
}

/** The inner width a group wants: its grid, its texts, its widest chip — within `maxInner`. */
function naturalInner(g: GroupSpec, maxInner: number, m: Metrics): number {
  const cols = columnsOf(g, maxInner, m);
  const grid = cols * m.cellW + Math.max(0, cols - 1) * m.cellGap;
  const title = SWATCH + 8 + textWidth(g.name, TITLE_FONT, true) + 12;
  const withState = title + textWidth(g.state, LABEL_FONT, true);
  const line2 =
    (g.gauge !== null ? GAUGE_W + 6 + textWidth(g.gauge, LABEL_FONT) + 12 : 0) +
    textWidth(g.note, LABEL_FONT);
  const items = [
    ...g.workloads.map((w) => ({ key: `w${w.id}`, label: w.name, badge: null })),
    ...deviceItems(g.devices),
  ];
  const chips = Math.max(0, ...items.map(chipWidth));
  return Math.min(maxInner, Math.ceil(Math.max(grid, withState, line2, chips, 120)));
}

/**
 * Groups into rows: as few rows as a left-to-right flow needs, then the groups spread evenly
 * over them (four groups that need two rows go two and two, not three and one).
 */
export function packRows(widths: readonly number[], width: number, gap: number): number[][] {
  const flow = (cap: number) => {
    const rows: number[][] = [];
    let used = 0;
    widths.forEach((w, i) => {
      const row = rows[rows.length - 1];
      if (row && row.length < cap && used + gap + w <= width) {
        row.push(i);
        used += gap + w;
      } else {
        rows.push([i]);
        used = w;
      }
    });
    return rows;
  };
  const greedy = flow(Number.MAX_SAFE_INTEGER);
  const even = flow(Math.ceil(widths.length / Math.max(1, greedy.length)));
  return even.length <= greedy.length ? even : greedy;
}

/** Stretched cells stay about square: at most this much wider than the narrowest that fits. */
const CELL_STRETCH = 1.5;

/**
 * The whole view for a container `width` px wide: groups flow left to right and wrap into rows
 * (each row stretched to the full width, its groups made equally tall; CPU cells widen to fill
 * them, by the same amount everywhere), then the memory map.
 */
export function layoutMachine(spec: LayoutSpec, containerWidth: number): MachineLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(containerWidth));
  const m = metricsFor(width, spec.cellTexts);
  const maxInner = width - 2 * m.pad;
  const natural = spec.groups.map((g) => naturalInner(g, maxInner, m) + 2 * m.pad);
  const rows = packRows(natural, width, m.gap);

  // Final widths: each row fills the width, except a lone group that would be stretched thin.
  const widths: number[] = [];
  for (const row of rows) {
    const sum = row.reduce((a, i) => a + (natural[i] ?? 0), 0) + m.gap * (row.length - 1);
    const lone = row.length === 1 && sum < width * 0.6;
    const extra = lone ? 0 : Math.floor((width - sum) / row.length);
    let x = 0;
    row.forEach((i, k) => {
      const w = k === row.length - 1 && !lone ? width - x : (natural[i] ?? 0) + extra;
      widths[i] = w;
      x += w + m.gap;
    });
  }
  let cellW = m.cellW * CELL_STRETCH;
  spec.groups.forEach((g, i) => {
    const inner = (widths[i] ?? 0) - 2 * m.pad;
    const cols = columnsOf(g, inner, m);
    if (cols > 0) cellW = Math.min(cellW, (inner - (cols - 1) * m.cellGap) / cols);
  });
  cellW = Math.max(m.cellW, Math.floor(cellW));

  const groups: GroupBox[] = [];
  const cells = new Map<number, CellBox>();
  let y = 0;
  for (const row of rows) {
    let x = 0;
    const built = row.map((i) => {
      const w = widths[i] ?? 0;
      const b = buildGroup(spec.groups[i] as GroupSpec, x, y, w - 2 * m.pad, m, cellW);
      x += w + m.gap;
      return b;
    });
    const rowH = Math.max(...built.map((b) => b.box.h));
    for (const b of built) {
      groups.push({ ...b.box, h: rowH });
      for (const c of b.cells) cells.set(c.id, c);
    }
    y += rowH + m.gap;
  }

  const memory = layoutMemory(spec.memory, y + 4, width);
  return { width, height: Math.ceil(memory.y + memory.h + 2), groups, cells, memory };
}
