import type { Dot } from '../../viz/machine-ipi';
import { inkedBox, REACH, type Box, type DotInk, type TileOp, type TileSheet } from './dot-paint';
import { TilePainter } from './dot-painter';

// The message dots' canvases (DotCanvas): small tiles over the drawing, each made when a dot first
// lands on it. Traffic runs along a few paths: a frame redraws the few tiles it crosses, and the
// browser carries only those to the screen (one canvas over the whole view was megapixels a frame,
// and its first frames allocated them: 60–70 ms each with the CPU slowed 4×, issue 14). Which dots
// go to which tile is decided here; the drawing is the painter's (dot-painter.ts: in a worker where
// the browser can hand it a canvas).

/** A tile's side, in drawing units. */
export const TILE = 256;
/**
 * At most this many new tiles a frame: each is a new canvas the browser allocates and carries to
 * the screen (Play's first frame made a dozen at once: 87–143 ms slowed 4×). A dot whose tile is
 * not made yet waits a frame or two (`draw` says so, and is called again).
 */
const NEW_PER_FRAME = 3;

interface Tile {
  readonly canvas: HTMLCanvasElement;
  /** Where its last frame drew (drawing units), null when nothing is left on it. */
  inked: Box | null;
}

export class DotTiles {
  private readonly tiles = new Map<number, Tile>();
  private readonly painter: TilePainter;

  constructor(
    private readonly host: HTMLElement,
    private readonly sheet: TileSheet,
  ) {
    this.painter = new TilePainter(sheet);
  }

  /** No tile made yet: the next drawing makes its canvases. */
  blank(): boolean {
    return this.tiles.size === 0;
  }

  /** The tile at column i, row j (drawing units from the sheet's corner), made if need be. */
  private tile(key: number, i: number, j: number): Tile | null {
    const had = this.tiles.get(key);
    if (had) return had;
    const { width, height, dpr } = this.sheet;
    const x = i * TILE;
    const y = j * TILE;
    const w = Math.min(TILE, width - x);
    const h = Math.min(TILE, height - y);
    if (w <= 0 || h <= 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(w * dpr);
    canvas.height = Math.ceil(h * dpr);
    // Placed in fractions of the drawing: it scales with the SVG under it.
    Object.assign(canvas.style, {
      left: `${(100 * x) / width}%`,
      top: `${(100 * y) / height}%`,
      width: `${(100 * w) / width}%`,
      height: `${(100 * h) / height}%`,
    });
    if (!this.painter.adopt(key, canvas, x, y)) return null;
    this.host.appendChild(canvas);
    const tile: Tile = { canvas, inked: null };
    this.tiles.set(key, tile);
    return tile;
  }

  /**
   * Draw `dots` (those within `band`, sheet units from its top), wiping what the last frame drew,
   * making at most `newTiles` tiles. False when some tiles wait to be made: draw again later.
   */
  draw(
    dots: readonly Dot[],
    band: { top: number; height: number },
    ink: DotInk,
    now: number,
    selected: number,
    newTiles = NEW_PER_FRAME,
  ): boolean {
    for (const key of this.painter.lost()) {
      this.tiles.get(key)?.canvas.remove();
      this.tiles.delete(key);
    }
    const { margin } = this.sheet;
    const buckets = new Map<number, Dot[]>();
    const cols = Math.ceil(this.sheet.width / TILE);
    for (const d of dots) {
      const x = d.x + margin;
      const y = d.y + margin;
      if (y + REACH < band.top || y - REACH > band.top + band.height) continue;
      for (let j = Math.floor((y - REACH) / TILE); j <= Math.floor((y + REACH) / TILE); j++) {
        for (let i = Math.floor((x - REACH) / TILE); i <= Math.floor((x + REACH) / TILE); i++) {
          if (i < 0 || j < 0 || i >= cols) continue;
          const key = j * cols + i;
          const list = buckets.get(key);
          if (list) list.push(d);
          else buckets.set(key, [d]);
        }
      }
    }
    const ops: TileOp[] = [];
    for (const [key, tile] of this.tiles) {
      if (!tile.inked || buckets.has(key)) continue;
      ops.push({ key, wipe: tile.inked, dots: [] });
      tile.inked = null;
    }
    let made = 0;
    let waiting = false;
    for (const [key, list] of buckets) {
      const fresh = !this.tiles.has(key);
      if (fresh && made >= newTiles) {
        waiting = true;
        continue;
      }
      const tile = this.tile(key, key % cols, Math.floor(key / cols));
      if (!tile) continue;
      if (fresh) made++;
      ops.push({ key, wipe: tile.inked, dots: list });
      tile.inked = inkedBox(list);
    }
    this.painter.paint(ops, ink, now, selected);
    return !waiting;
  }

  /** Every tile off the page (the drawing changed size, or there are no dots to draw). */
  dispose(): void {
    for (const t of this.tiles.values()) t.canvas.remove();
    this.tiles.clear();
    this.painter.dispose();
  }
}
