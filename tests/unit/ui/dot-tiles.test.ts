// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Dot } from '../../../src/viz/machine-ipi';
import { readInk } from '../../../src/ui/machine/dot-ink';
import type { DotInk } from '../../../src/ui/machine/dot-paint';
import { DotTiles, TILE } from '../../../src/ui/machine/dot-tiles';

// Issue 14: a new canvas costs a slow laptop a long frame, so a frame makes at most a few; the
// dots on tiles not made yet are drawn at the next frame, and none is lost — paused, a step's
// dots are all drawn.

/** Each canvas's 2D context as a recorder of the dots it was given. */
const drawnOn = new Map<HTMLCanvasElement, number>();

function recorder(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  return {
    canvas,
    setTransform: () => {},
    scale: () => {},
    clearRect: () => drawnOn.set(canvas, 0),
    drawImage: () => drawnOn.set(canvas, (drawnOn.get(canvas) ?? 0) + 1),
    beginPath: () => {},
    arc: () => {},
    fill: () => {},
    stroke: () => {},
  } as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return recorder(this);
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
});
afterEach(() => {
  vi.restoreAllMocks();
  drawnOn.clear();
});

const ink: DotInk = {
  ink: '#000',
  colours: new Map(),
  fill: () => '#888',
  sprite: () => ({}) as CanvasImageSource,
  warmNext: () => false,
};
/** One dot in the middle of each of the first `n` tiles of a row. */
const dots = (n: number): Dot[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: i,
    owner: 1,
    x: i * TILE + TILE / 2,
    y: TILE / 2,
    opacity: 1,
    waiting: false,
  }));

it('makes at most three canvases a frame, and says when dots wait for the next', () => {
  const host = document.createElement('div');
  const tiles = new DotTiles(host, { width: 8 * TILE, height: TILE, margin: 0, dpr: 1 });
  const band = { top: 0, height: TILE };
  expect(tiles.draw(dots(7), band, ink, 0, -1)).toBe(false);
  expect(host.querySelectorAll('canvas')).toHaveLength(3);
  expect(tiles.draw(dots(7), band, ink, 0, -1)).toBe(false);
  expect(tiles.draw(dots(7), band, ink, 0, -1)).toBe(true);
  const canvases = [...host.querySelectorAll('canvas')];
  expect(canvases).toHaveLength(7);
  // Every dot is on its tile's canvas, once.
  expect(canvases.map((c) => drawnOn.get(c))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  // Tiles made: the next frame draws everything at once.
  expect(tiles.draw(dots(7), band, ink, 0, -1)).toBe(true);
});

it('is blank until a drawing makes its first canvas, and again once disposed', () => {
  // DotCanvas draws blank tiles in a task of their own, after React's commit (issue 14).
  const host = document.createElement('div');
  const tiles = new DotTiles(host, { width: 2 * TILE, height: TILE, margin: 0, dpr: 1 });
  const band = { top: 0, height: TILE };
  expect(tiles.blank()).toBe(true);
  tiles.draw([], band, ink, 0, -1);
  expect(tiles.blank(), 'no dots, no canvas').toBe(true);
  tiles.draw(dots(1), band, ink, 0, -1);
  expect(tiles.blank()).toBe(false);
  expect(host.querySelectorAll('canvas')).toHaveLength(1);
  tiles.dispose();
  expect(tiles.blank()).toBe(true);
});

it('makes only as many canvases as a paced drawing allows, one a task', () => {
  // DotCanvas's first drawing (a lesson's load) asks for one new tile a task (issue 14).
  const host = document.createElement('div');
  const tiles = new DotTiles(host, { width: 4 * TILE, height: TILE, margin: 0, dpr: 1 });
  const band = { top: 0, height: TILE };
  const made: number[] = [];
  let done = false;
  while (!done && made.length < 10) {
    done = tiles.draw(dots(4), band, ink, 0, -1, 1);
    made.push(host.querySelectorAll('canvas').length);
  }
  expect(made).toEqual([1, 2, 3, 4]);
  expect([...host.querySelectorAll('canvas')].map((c) => drawnOn.get(c))).toEqual([1, 1, 1, 1]);
});

it("draws each owner's picture once, one a call, then says all are drawn", () => {
  const el = document.createElement('div');
  // Eight owner colours (pool, host, six spawns), each its own picture.
  ['pool', 'host', 1, 2, 3, 4, 5, 6].forEach((o, i) =>
    el.style.setProperty(`--owner-${o}`, `#${i}${i}${i}`),
  );
  document.body.append(el);
  const made = vi.spyOn(document, 'createElement');
  const colours = readInk(el, 1);
  let calls = 0;
  while (colours.warmNext()) calls++;
  const canvases = made.mock.calls.filter(([tag]) => tag === 'canvas').length;
  expect(calls).toBe(8);
  // One picture a call (jsdom has no OffscreenCanvas: each is a <canvas>); none drawn twice.
  expect(canvases).toBe(calls);
  expect(colours.warmNext()).toBe(false);
  colours.sprite(0);
  expect(made.mock.calls.filter(([tag]) => tag === 'canvas').length).toBe(canvases);
  el.remove();
});
