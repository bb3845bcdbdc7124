// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dot } from '../../../src/viz/machine-ipi';
import { inksOf, packOps, unpackOps, type TileOp } from '../../../src/ui/machine/dot-paint';
import { PaintedSheets, type PainterMessage } from '../../../src/ui/machine/dot-sheets';

// Issue 14: on a slow laptop, drawing the dots and flushing their canvases was about half of the
// page's work for each frame the machine sends. Where the browser can hand a canvas to a worker,
// the dots' worker draws them; before it has started (or where it cannot), the page does.

/** What a tile's context was asked to do. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    setTransform: () => {},
    clearRect: (x: number, y: number, w: number, h: number) =>
      calls.push(`clear ${x},${y},${w},${h}`),
    drawImage: () => calls.push('dot'),
    beginPath: () => {},
    arc: () => {},
    fill: () => calls.push('ring-fill'),
    stroke: () => {},
    scale: () => {},
  };
  return { ctx, calls };
}

const dot = (seq: number, x: number, y: number, waiting = false): Dot => ({
  seq,
  owner: seq % 3,
  x,
  y,
  opacity: 0.5 + seq / 100,
  waiting,
});

it('packs a frame’s tiles into one buffer and reads back every dot as it was', () => {
  const ops: TileOp[] = [
    {
      key: 3,
      wipe: { x0: 1, y0: 2, x1: 30, y1: 40 },
      dots: [dot(7, 10.5, 20.25, true), dot(8, 11, 21)],
    },
    { key: 9, wipe: null, dots: [] },
    { key: 4, wipe: null, dots: [dot(2 ** 40, 300, 5)] },
  ];
  const packed = packOps(ops);
  expect(packed.dots).toBeInstanceOf(Float64Array);
  expect(unpackOps(packed)).toEqual(ops);
});

it('the worker draws each handed tile’s dots, wipes what it drew, and forgets a dropped sheet', () => {
  const sheets = new PaintedSheets();
  const size = { width: 512, height: 256, margin: 0, dpr: 1 };
  const a = recorder();
  const b = recorder();
  const canvas = (r: ReturnType<typeof recorder>) =>
    ({ getContext: () => r.ctx }) as unknown as OffscreenCanvas;
  const send = (m: PainterMessage) => sheets.handle(m);
  send({ type: 'sheet', sheet: 1, size });
  send({ type: 'tile', sheet: 1, key: 0, x: 0, y: 0, canvas: canvas(a) });
  send({ type: 'tile', sheet: 1, key: 1, x: 256, y: 0, canvas: canvas(b) });
  const paint = (ops: TileOp[], selected = -1) =>
    send({ type: 'paint', sheet: 1, now: 0, selected, ops: packOps(ops) });
  // No ink yet (the page sends it with the first frame it hands over): nothing is drawn.
  paint([{ key: 0, wipe: null, dots: [dot(1, 5, 5)] }]);
  expect(a.calls).toEqual([]);
  send({ type: 'ink', sheet: 1, ink: '#000', colours: [['var(--owner-1)', '#f00']] });
  paint([
    { key: 0, wipe: null, dots: [dot(1, 5, 5), dot(2, 6, 6)] },
    { key: 1, wipe: { x0: 250, y0: 0, x1: 280, y1: 20 }, dots: [dot(3, 260, 10)] },
  ]);
  expect(a.calls).toEqual(['dot', 'dot']);
  expect(b.calls).toEqual(['clear 250,0,30,20', 'dot']);
  // The selected message is ringed, not copied.
  paint([{ key: 0, wipe: { x0: 0, y0: 0, x1: 10, y1: 10 }, dots: [dot(1, 5, 5)] }], 1);
  expect(a.calls.slice(2)).toEqual(['clear 0,0,10,10', 'ring-fill']);
  send({ type: 'drop', sheet: 1 });
  paint([{ key: 0, wipe: null, dots: [dot(1, 5, 5)] }]);
  expect(a.calls).toHaveLength(4);
});

it('inks each owner’s picture once, whatever the number of dots asking for it', () => {
  const made = vi.spyOn(document, 'createElement');
  const inks = inksOf(new Map([['var(--owner-1)', '#f00']]), '#000', 1);
  for (let i = 0; i < 50; i++) inks.sprite(1 + 6 * (i % 3));
  // Owners 1, 7 and 13 share a colour: one picture.
  expect(made.mock.calls.filter(([tag]) => tag === 'canvas')).toHaveLength(1);
  made.mockRestore();
});

// The page's side, with a worker and canvases that can be handed over (jsdom has neither).
const posted: { m: PainterMessage; transfer: unknown[] }[] = [];
class FakeWorker extends EventTarget {
  postMessage(m: PainterMessage, transfer: unknown[] = []) {
    posted.push({ m, transfer });
  }
  say(data: unknown) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

describe('the page’s side', () => {
  const worker = new FakeWorker();
  beforeEach(() => {
    // `new Worker(...)` gives this one.
    vi.stubGlobal('Worker', function Worker() {
      return worker;
    });
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext = () => recorder().ctx;
        transferToImageBitmap = () => ({});
      },
    );
    HTMLCanvasElement.prototype.transferControlToOffscreen = function () {
      return { handedFrom: this } as unknown as OffscreenCanvas;
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => recorder().ctx as unknown as CanvasRenderingContext2D,
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    Reflect.deleteProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen');
    posted.length = 0;
  });

  it('hands new tiles to the worker once it runs, draws the others itself, and takes them back if it fails', async () => {
    const { DotTiles, TILE } = await import('../../../src/ui/machine/dot-tiles');
    const host = document.createElement('div');
    const tiles = new DotTiles(host, { width: 4 * TILE, height: TILE, margin: 0, dpr: 1 });
    const band = { top: 0, height: TILE };
    const ink = inksOf(new Map(), '#000', 1);
    const row = (n: number) => Array.from({ length: n }, (_, i) => dot(i, i * TILE + 9, 9));
    // The worker has not said it runs: the first tile is drawn here (its 2D context is the page's).
    tiles.draw(row(1), band, ink, 0, -1);
    expect(posted).toEqual([]);
    worker.say('ready');
    tiles.draw(row(3), band, ink, 0, -1);
    const kinds = posted.map((p) => p.m.type);
    expect(kinds).toEqual(['sheet', 'tile', 'tile', 'ink', 'paint']);
    // Each handed canvas goes with its message (transferred, not copied), and so do the dots.
    for (const p of posted.filter((x) => x.m.type === 'tile')) expect(p.transfer).toHaveLength(1);
    const paint = posted.at(-1)!;
    if (paint.m.type !== 'paint') throw new Error('no paint');
    expect(unpackOps(paint.m.ops).map((op) => op.key)).toEqual([1, 2]);
    expect(paint.transfer).toEqual([paint.m.ops.dots.buffer]);
    // The same ink is not sent again; a disposed sheet is dropped in the worker too.
    tiles.draw(row(3), band, ink, 1, -1);
    expect(posted.filter((p) => p.m.type === 'ink')).toHaveLength(1);
    // The worker fails: the tiles it had are made again, on the page, and nothing more is sent.
    const before = [...host.querySelectorAll('canvas')];
    const sent = posted.length;
    worker.dispatchEvent(new Event('error'));
    expect(tiles.draw(row(3), band, ink, 2, -1)).toBe(true);
    const after = [...host.querySelectorAll('canvas')];
    expect(after).toHaveLength(3);
    expect(after[0]).toBe(before[0]);
    expect(after.filter((c) => before.includes(c))).toHaveLength(1);
    expect(posted).toHaveLength(sent);
    tiles.dispose();
    expect(posted.at(-1)?.m).toEqual({ type: 'drop', sheet: expect.any(Number) });
  });
});
