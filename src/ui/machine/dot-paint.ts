import type { Dot } from '../../viz/machine-ipi';
import { ownerColour, SPAWN_COLOURS } from '../../viz/palette';

// The message dots' drawing on one tile, shared by the page (dot-tiles.ts, where there is no
// worker to draw) and the dots' worker (dot-painter.worker.ts), and what crosses between them.

export const RADIUS = 4.5;
/** A dot's picture: its circle, outline and anti-aliasing, in drawing units. */
export const SIDE = 2 * RADIUS + 3;
export const HALF = SIDE / 2;
/** Around a dot, what its drawing may touch: the selected dot's ring, stroke, anti-aliasing. */
export const REACH = 12;
/** Waiting dots breathe with the simulation clock (not the wall clock: pause stops them). */
const PULSE_NS = 900;

/** A tile's 2D context: a canvas's on the page, an OffscreenCanvas's in the worker. */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The drawing the tiles cover: its full size (margins included) and the offset of its units. */
export interface TileSheet {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly dpr: number;
}

/** How the dots are inked: each owner's picture and fill, and the selected dot's ring. */
export interface Inks {
  readonly ink: string;
  readonly fill: (owner: number) => string;
  readonly sprite: (owner: number) => CanvasImageSource;
}

/** Each owner's dot, and the ink the selected one is ringed with, for one theme. */
export interface DotInk extends Inks {
  /** Each owner colour (`ownerColour`) as the theme resolves it: what the dots' worker inks with. */
  readonly colours: ReadonlyMap<string, string>;
  /**
   * One more owner's picture drawn now (at idle, or a first drawing's own task), not with the
   * frame that first needs it. False once every owner's is drawn.
   */
  readonly warmNext: () => boolean;
}

/** Every owner colour there is: the pool, the host, and the colours spawned kernels cycle through. */
export const OWNERS = [-1, 0, ...Array.from({ length: SPAWN_COLOURS }, (_, i) => i + 1)];

/** The inks of resolved owner colours: each colour's picture drawn when first asked for. */
export function inksOf(colours: ReadonlyMap<string, string>, ink: string, dpr: number): DotInk {
  const byColour = new Map<string, CanvasImageSource>();
  // A frame asks for a few hundred dots' pictures: looked up by owner, not by its colour's name.
  const byOwner = new Map<number, CanvasImageSource>();
  const fill = (owner: number) => colours.get(ownerColour(owner)) ?? '#888';
  const sprite = (owner: number) => {
    let s = byOwner.get(owner);
    if (s) return s;
    const f = fill(owner);
    s = byColour.get(f) ?? dotSprite(f, ink, dpr);
    byColour.set(f, s);
    byOwner.set(owner, s);
    return s;
  };
  const warmNext = () => {
    const cold = OWNERS.find((o) => !byColour.has(fill(o)));
    if (cold === undefined) return false;
    sprite(cold);
    return true;
  };
  return { ink, colours, fill, sprite, warmNext };
}

/**
 * One dot of a colour, drawn once and then copied: a copy costs the browser far less than a
 * circle, and a few hundred dots a frame add up. An ImageBitmap where there is one (a canvas as
 * the source is copied again at every use).
 */
export function dotSprite(fill: string, ink: string, dpr: number): CanvasImageSource {
  const side = Math.ceil(SIDE * dpr);
  const off = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(side, side) : null;
  const el = off ? null : document.createElement('canvas');
  if (el) el.width = el.height = side;
  const c = (off ?? el)?.getContext('2d') as Ctx2D | null | undefined;
  if (c) {
    c.scale(side / SIDE, side / SIDE);
    c.fillStyle = fill;
    c.strokeStyle = ink;
    c.lineWidth = 1.25;
    c.beginPath();
    c.arc(HALF, HALF, RADIUS, 0, 2 * Math.PI);
    c.fill();
    c.stroke();
  }
  return off ? off.transferToImageBitmap() : (el as HTMLCanvasElement);
}

/** Where a tile's dots may draw (drawing units): what the next frame wipes. */
export function inkedBox(dots: readonly Dot[]): Box {
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const d of dots) {
    box.x0 = Math.min(box.x0, d.x - REACH);
    box.y0 = Math.min(box.y0, d.y - REACH);
    box.x1 = Math.max(box.x1, d.x + REACH);
    box.y1 = Math.max(box.y1, d.y + REACH);
  }
  return box;
}

function drawDots(ctx: Ctx2D, dots: readonly Dot[], inks: Inks, now: number, selected: number) {
  const pulse = 0.6 + 0.4 * Math.cos((2 * Math.PI * (now % PULSE_NS)) / PULSE_NS);
  let chosen: Dot | null = null;
  for (const d of dots) {
    if (d.seq === selected) chosen = d;
    else {
      ctx.globalAlpha = d.waiting ? d.opacity * pulse : d.opacity;
      ctx.drawImage(inks.sprite(d.owner), d.x - HALF, d.y - HALF, SIDE, SIDE);
    }
  }
  ctx.globalAlpha = 1;
  if (!chosen) return;
  // The selected message: larger, ringed, over the others.
  ctx.strokeStyle = inks.ink;
  ctx.fillStyle = inks.fill(chosen.owner);
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

/** One tile's part of a frame: what it last drew, wiped, and its dots now (none: wiped only). */
export interface TileOp {
  readonly key: number;
  readonly wipe: Box | null;
  readonly dots: readonly Dot[];
}

/** A tile's frame on its context; `at` is the tile's corner in sheet units. */
export function paintTile(
  ctx: Ctx2D,
  sheet: TileSheet,
  at: { readonly x: number; readonly y: number },
  op: TileOp,
  inks: Inks,
  now: number,
  selected: number,
): void {
  const { margin, dpr } = sheet;
  ctx.setTransform(dpr, 0, 0, dpr, dpr * (margin - at.x), dpr * (margin - at.y));
  const { wipe } = op;
  if (wipe) ctx.clearRect(wipe.x0, wipe.y0, wipe.x1 - wipe.x0, wipe.y1 - wipe.y0);
  if (op.dots.length > 0) drawDots(ctx, op.dots, inks, now, selected);
}

/** Numbers per dot in a packed frame: seq, owner, x, y, opacity, waiting. */
const PER_DOT = 6;

/** A frame's tile ops for the worker: the dots of all of them in one transferable buffer. */
export interface PackedOps {
  readonly tiles: readonly {
    readonly key: number;
    readonly wipe: Box | null;
    readonly n: number;
  }[];
  readonly dots: Float64Array;
}

export function packOps(ops: readonly TileOp[]): PackedOps {
  const dots = new Float64Array(PER_DOT * ops.reduce((n, op) => n + op.dots.length, 0));
  let i = 0;
  for (const op of ops) {
    for (const d of op.dots) {
      dots[i++] = d.seq;
      dots[i++] = d.owner;
      dots[i++] = d.x;
      dots[i++] = d.y;
      dots[i++] = d.opacity;
      dots[i++] = d.waiting ? 1 : 0;
    }
  }
  return { tiles: ops.map((op) => ({ key: op.key, wipe: op.wipe, n: op.dots.length })), dots };
}

export function unpackOps({ tiles, dots: at }: PackedOps): TileOp[] {
  let i = 0;
  const next = () => at[i++] ?? 0;
  return tiles.map(({ key, wipe, n }) => {
    const dots: Dot[] = [];
    for (let k = 0; k < n; k++) {
      dots.push({
        seq: next(),
        owner: next(),
        x: next(),
        y: next(),
        opacity: next(),
        waiting: next() === 1,
      });
    }
    return { key, wipe, dots };
  });
}
