// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  fitBox,
  slideLayout,
  slideSvg,
  type SlidePane,
} from '../../../src/features/presenter/slide';

// A portrait view, as the machine's is (888×1136 before issue 13).
const portrait = { x: -12, y: -12, width: 888, height: 1136 };
const pane = (id: 'machine' | 'twin', heading: string | null): SlidePane => ({
  id,
  heading,
  markup: `<text x="10" y="20">CPU 0 of ${id}</text>`,
  viewBox: portrait,
});
const look = { bg: '#fff', ink: '#111', muted: '#555', fontFamily: 'Inter', fontCss: null };
const caption = {
  title: 'Crash containment',
  detail: 'Step 3 of 7: Panic · Simulated time 412 ms',
};

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('the 16:9 slide', () => {
  it('is a 1920×1080 SVG with a 16:9 viewBox', () => {
    const { text, width, height } = slideSvg([pane('machine', null)], caption, look, 'en');
    const root = parse(text).documentElement;
    expect(parse(text).getElementsByTagName('parsererror')).toHaveLength(0);
    expect([width, height]).toEqual([1920, 1080]);
    expect(root.getAttribute('viewBox')).toBe('0 0 1920 1080');
    expect(Number(root.getAttribute('width')) / Number(root.getAttribute('height'))).toBeCloseTo(
      16 / 9,
    );
  });
  it('carries the caption: lesson title, step and simulated time', () => {
    const doc = parse(slideSvg([pane('machine', null)], caption, look, 'es').text);
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent);
    expect(texts).toContain('Crash containment');
    expect(texts).toContain('Step 3 of 7: Panic · Simulated time 412 ms');
    expect(doc.documentElement.getAttribute('xml:lang')).toBe('es');
  });
  it('puts the twin beside the machine when it is shown, each under its heading', () => {
    const two = slideSvg(
      [pane('twin', 'Monolithic twin'), pane('machine', 'Multikernel machine')],
      caption,
      look,
      'en',
    );
    const doc = parse(two.text);
    const panes = Array.from(doc.querySelectorAll('svg[data-pane]'));
    expect(panes.map((p) => p.getAttribute('data-pane'))).toEqual(['twin', 'machine']);
    expect(doc.documentElement.textContent).toContain('CPU 0 of twin');
    const headings = Array.from(
      doc.querySelectorAll('[data-part="heading"]'),
      (h) => h.textContent,
    );
    expect(headings).toEqual(['Monolithic twin', 'Multikernel machine']);
    const [a, b] = two.boxes;
    expect(a && b && a.x + a.width <= b.x).toBe(true);
    const one = slideSvg([pane('machine', null)], caption, look, 'en');
    expect(parse(one.text).querySelectorAll('svg[data-pane]')).toHaveLength(1);
    expect(one.text).not.toContain('twin');
  });
  it('fits each drawing without distortion, inside the slide and above the caption', () => {
    for (const n of [1, 2]) {
      const panes = Array.from({ length: n }, () => ({ viewBox: portrait, heading: 'x' }));
      for (const b of slideLayout(panes).boxes) {
        expect(b.width / b.height).toBeCloseTo(portrait.width / portrait.height);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(1920);
        expect(b.y + b.height).toBeLessThanOrEqual(1080 - 130);
      }
    }
    expect(fitBox({ width: 200, height: 100 }, { x: 0, y: 0, width: 100, height: 100 })).toEqual({
      x: 0,
      y: 25,
      width: 100,
      height: 50,
    });
  });
  it('escapes text that would break the file', () => {
    const { text } = slideSvg(
      [pane('machine', null)],
      { title: 'a < b & "c"', detail: 'd' },
      look,
      'en',
    );
    expect(parse(text).getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parse(text).querySelector('[data-part="caption-title"]')?.textContent).toBe(
      'a < b & "c"',
    );
  });
});
