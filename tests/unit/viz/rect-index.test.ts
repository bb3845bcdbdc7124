import { describe, expect, it } from 'vitest';
import { rectIndex } from '../../../src/viz/rect-index';

describe('rect index', () => {
  it('answers the area a box covers as a scan of every rectangle would', () => {
    const rects = Array.from({ length: 200 }, (_, i) => ({
      x: (i * 37) % 900,
      y: (i * 53) % 700,
      w: 20 + (i % 7) * 30,
      h: 10 + (i % 5) * 25,
    }));
    const index = rectIndex(rects.slice(0, 120));
    for (const r of rects.slice(120)) index.add(r);
    const overlap = (a: (typeof rects)[number], b: (typeof rects)[number]) =>
      Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
      Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
    for (let i = 0; i < 60; i++) {
      // Boxes of every size, some spanning many buckets (a rectangle is counted once).
      const box = {
        x: ((i * 71) % 950) - 20,
        y: ((i * 29) % 750) - 20,
        w: 5 + i * 9,
        h: 5 + i * 4,
      };
      const scan = rects.reduce((sum, r) => sum + overlap(r, box), 0);
      expect(index.coveredArea(box)).toBeCloseTo(scan, 6);
    }
  });
});
