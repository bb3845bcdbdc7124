import {
  inksOf,
  paintTile,
  unpackOps,
  type Ctx2D,
  type DotInk,
  type PackedOps,
  type TileSheet,
} from './dot-paint';

/** What the page says to the dots' worker (dot-painter.ts sends it, dot-painter.worker.ts hears). */
export type PainterMessage =
  | { readonly type: 'sheet'; readonly sheet: number; readonly size: TileSheet }
  | {
      readonly type: 'tile';
      readonly sheet: number;
      readonly key: number;
      readonly x: number;
      readonly y: number;
      readonly canvas: OffscreenCanvas;
    }
  | {
      readonly type: 'ink';
      readonly sheet: number;
      readonly ink: string;
      readonly colours: readonly (readonly [string, string])[];
    }
  | {
      readonly type: 'paint';
      readonly sheet: number;
      readonly now: number;
      readonly selected: number;
      readonly ops: PackedOps;
    }
  | { readonly type: 'drop'; readonly sheet: number };

interface Sheet {
  readonly size: TileSheet;
  inks: DotInk | null;
  readonly tiles: Map<number, { readonly ctx: Ctx2D; readonly x: number; readonly y: number }>;
}

/** The worker's side: each sheet's tiles (the page's canvases, handed over) and their inks. */
export class PaintedSheets {
  private readonly sheets = new Map<number, Sheet>();

  handle(m: PainterMessage): void {
    if (m.type === 'sheet') {
      this.sheets.set(m.sheet, { size: m.size, inks: null, tiles: new Map() });
      return;
    }
    if (m.type === 'drop') {
      this.sheets.delete(m.sheet);
      return;
    }
    const s = this.sheets.get(m.sheet);
    if (!s) return;
    if (m.type === 'tile') {
      const ctx = m.canvas.getContext('2d');
      if (ctx) s.tiles.set(m.key, { ctx, x: m.x, y: m.y });
    } else if (m.type === 'ink') {
      s.inks = inksOf(new Map(m.colours), m.ink, s.size.dpr);
    } else if (s.inks) {
      for (const op of unpackOps(m.ops)) {
        const tile = s.tiles.get(op.key);
        if (tile) paintTile(tile.ctx, s.size, tile, op, s.inks, m.now, m.selected);
      }
    }
  }
}
