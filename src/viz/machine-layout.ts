import { metricsFor } from './machine-cells';
import { buildGroup, columnsOf, naturalInner } from './machine-group';
import { layoutMemory } from './machine-memory';
import type { CellBox, GroupBox, GroupSpec, LayoutSpec, MachineLayout } from './machine-types';

/** The narrowest container the layout plans for (a 360 px phone, less the page's margins). */
export const MIN_WIDTH = 280;
/** Room the view leaves around the layout for focus and selection rings (px). */
export const MARGIN = 6;

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
