import type { Dot } from '../../viz/machine-ipi';
import { HALF, SIDE, type DotInk } from './dot-ink';

// The message dots' canvases (DotCanvas): small tiles over the drawing, each made when a dot first
// lands on it. Traffic runs along a few paths: a frame redraws the few tiles it crosses, and the
// browser carries only those to the screen (one canvas over the whole view was megapixels a frame,
// and its first frames allocated them: 60–70 ms each with the CPU slowed 4×, issue 14).

/** A tile's side, in drawing units. */
export const TILE = 256;
/** Around a dot, what its drawing may touch: the selected dot's ring, stroke, anti-aliasing. */
const REACH = 12;
/**
 * At most this many new tiles a frame: each is a new canvas the browser allocates and carries to
 * the screen (Play's first frame made a dozen at once: 87–143 ms slowed 4×). A dot whose tile is
 * not made yet waits a frame or two (`draw` says so, and is called again).
 */
const NEW_PER_FRAME = 3;
/** Waiting dots breathe with the simulation clock (not the wall clock: pause stops them). */
const PULSE_NS = 900;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Tile {
  readonly ctx: CanvasRenderingContext2D;
  readonly x: number;
  readonly y: number;
  /** Where its last frame drew (drawing units), null when nothing is left on it. */
  inked: Box | null;
}

/** The drawing the tiles cover: its full size (margins included) and the offset of its units. */
export interface TileSheet {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly dpr: number;
}

function drawDots(
  ctx: CanvasRenderingContext2D,
  dots: readonly Dot[],
  ink: DotInk,
  now: number,
  selected: number,
): void {
  const pulse = 0.6 + 0.4 * Math.cos((2 * Math.PI * (now % PULSE_NS)) / PULSE_NS);
  let chosen: Dot | null = null;
  for (const d of dots) {
    if (d.seq === selected) chosen = d;
    else {
      ctx.globalAlpha = d.waiting ? d.opacity * pulse : d.opacity;
      ctx.drawImage(ink.sprite(d.owner), d.x - HALF, d.y - HALF, SIDE, SIDE);
    }
  }
  ctx.globalAlpha = 1;
  if (!chosen) return;
  // The selected message: larger, ringed, over the others.
  ctx.strokeStyle = ink.ink;
  ctx.fillStyle = ink.fill(chosen.owner);
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  ctx.arc(chosen.x, chosen.y, 7, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(chosen.x, chosen.y, 10, 0, 2 * Math.PI);
  ctx.stroke();
}

export class DotTiles {
  private readonly tiles = new Map<number, Tile>();

  constructor(
    private readonly host: HTMLElement,
    private readonly sheet: TileSheet,
  ) {}

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
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    this.host.appendChild(canvas);
    const tile: Tile = { ctx, x, y, inked: null };
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
    const { margin, dpr } = this.sheet;
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
    for (const [key, tile] of this.tiles) {
      if (!tile.inked || buckets.has(key)) continue;
      this.wipe(tile);
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
      this.wipe(tile);
      const { ctx } = tile;
      ctx.setTransform(dpr, 0, 0, dpr, dpr * (margin - tile.x), dpr * (margin - tile.y));
      const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      for (const d of list) {
        box.x0 = Math.min(box.x0, d.x - REACH);
        box.y0 = Math.min(box.y0, d.y - REACH);
        box.x1 = Math.max(box.x1, d.x + REACH);
        box.y1 = Math.max(box.y1, d.y + REACH);
      }
      tile.inked = box;
      drawDots(ctx, list, ink, now, selected);
    }
    return !waiting;
  }

  private wipe(tile: Tile): void {
    const { inked, ctx } = tile;
    if (!inked) return;
    const { margin, dpr } = this.sheet;
    ctx.setTransform(dpr, 0, 0, dpr, dpr * (margin - tile.x), dpr * (margin - tile.y));
    ctx.clearRect(inked.x0, inked.y0, inked.x1 - inked.x0, inked.y1 - inked.y0);
    tile.inked = null;
  }

  /** Every tile off the page (the drawing changed size, or there are no dots to draw). */
  dispose(): void {
    for (const t of this.tiles.values()) t.ctx.canvas.remove();
    this.tiles.clear();
  }
}
