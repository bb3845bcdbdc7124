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
import { LABEL_FONT, LINE_H, TITLE_FONT, columnsFor, type Metrics } from './machine-cells';
import { textWidth } from './machine-text';
import type { CellBox, DeviceChip, GroupBox, GroupSpec, LaneChip } from './machine-types';

// One kernel's group (or the pool's) in the machine view: its title line, ring gauge and note,
// its grid of CPU cells with their workload lanes, and its other workloads and devices.

const TITLE_H = 22;
const SWATCH = 10;
const GAUGE_W = 40;
const GAUGE_H = 8;

interface Built {
  readonly box: GroupBox;
  readonly cells: CellBox[];
}

/** One group, at (x, y) with its inner width; returns its boxes and its height. */
export function buildGroup(
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
export function columnsOf(g: GroupSpec, innerW: number, m: Metrics): number {
  return columnsFor(g.cpus.length, Math.floor((innerW + m.cellGap) / (m.cellW + m.cellGap)));
}

/** The inner width a group wants: its grid, its texts, its widest chip — within `maxInner`. */
export function naturalInner(g: GroupSpec, maxInner: number, m: Metrics): number {
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
