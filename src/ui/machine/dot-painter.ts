import { packOps, paintTile, type DotInk, type TileOp, type TileSheet } from './dot-paint';
import type { PainterMessage } from './dot-sheets';

/**
 * The dots' worker, started with the first sheet of tiles and shared by all (the machine, the
 * twin). A canvas handed to it (transferControlToOffscreen) is drawn there: a frame's drawing and
 * the browser's flush of each changed canvas leave the page's thread, where on a CPU slowed 4×
 * they were about half of the work of each frame the machine sends (traced: ≈ 8 of 17 ms, the
 * flush alone 3–4). Null where a browser cannot hand a canvas over: the page draws them itself.
 */
interface DotsWorker {
  readonly worker: Worker;
  /** It has run and said so: only then is a canvas handed to it (a failed start keeps none). */
  ready: boolean;
}
let shared: DotsWorker | null | undefined;

function dotsWorker(): DotsWorker | null {
  if (shared !== undefined) return shared;
  shared = null;
  const canHand =
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
  if (!canHand) return null;
  try {
    const worker = new Worker(new URL('./dot-painter.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dots',
    });
    const slot: DotsWorker = { worker, ready: false };
    worker.addEventListener('message', (e) => {
      if (e.data === 'ready') slot.ready = true;
    });
    // A worker that failed draws nothing more: its tiles are made again and drawn here.
    worker.addEventListener('error', () => (slot.ready = false));
    shared = slot;
  } catch {
    shared = null;
  }
  return shared;
}

let sheets = 0;
const NONE_LOST: readonly number[] = [];

/**
 * Where one sheet's tiles are drawn: each tile made while the worker is up is handed to it, the
 * others (before it has started, or where there is none) are drawn here, with the same code.
 */
export class TilePainter {
  private readonly id = ++sheets;
  private readonly here = new Map<
    number,
    { readonly ctx: CanvasRenderingContext2D; readonly x: number; readonly y: number }
  >();
  private readonly there = new Set<number>();
  private announced = false;
  private inkSent: DotInk | null = null;

  constructor(private readonly sheet: TileSheet) {
    dotsWorker();
  }

  private post(m: PainterMessage, transfer: Transferable[] = []): void {
    shared?.worker.postMessage(m, transfer);
  }

  /** A new tile's canvas, its corner at (x, y) in sheet units. False: it cannot be drawn on. */
  adopt(key: number, canvas: HTMLCanvasElement, x: number, y: number): boolean {
    if (dotsWorker()?.ready) {
      if (!this.announced) this.post({ type: 'sheet', sheet: this.id, size: this.sheet });
      this.announced = true;
      const off = canvas.transferControlToOffscreen();
      this.post({ type: 'tile', sheet: this.id, key, x, y, canvas: off }, [off]);
      this.there.add(key);
      return true;
    }
    const ctx = canvas.getContext('2d');
    if (ctx) this.here.set(key, { ctx, x, y });
    return ctx !== null;
  }

  /** Tiles handed to a worker that has failed since: nothing draws on them any more. Asked every
   * frame: nothing lost, nothing made. */
  lost(): readonly number[] {
    if (this.there.size === 0 || shared?.ready) return NONE_LOST;
    const keys = [...this.there];
    this.there.clear();
    return keys;
  }

  paint(ops: readonly TileOp[], inks: DotInk, now: number, selected: number): void {
    const away: TileOp[] = [];
    for (const op of ops) {
      const tile = this.here.get(op.key);
      if (tile) paintTile(tile.ctx, this.sheet, tile, op, inks, now, selected);
      else if (this.there.has(op.key)) away.push(op);
    }
    if (away.length === 0) return;
    if (this.inkSent !== inks) {
      this.post({ type: 'ink', sheet: this.id, ink: inks.ink, colours: [...inks.colours] });
      this.inkSent = inks;
    }
    const packed = packOps(away);
    this.post({ type: 'paint', sheet: this.id, now, selected, ops: packed }, [packed.dots.buffer]);
  }

  dispose(): void {
    if (this.announced) this.post({ type: 'drop', sheet: this.id });
    this.here.clear();
    this.there.clear();
  }
}
