import { textBox } from './machine-chips';
import { fitText, textWidth } from './machine-text';
import type { MemoryLayout, MemoryRunBox, MemorySpec, Rect, TextBox } from './machine-types';
import { linearScale } from './scales';

const FONT = 12;
const TITLE_H = 18;
const BAR_H = 30;
const LINE_H = 18;
const LABEL_PAD = 6;

const overlaps = (a: Rect, b: Rect, margin = 4) =>
  a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The memory map: one bar of the machine's memory, one run per owner in address order (d3 scale
 * from MiB to px), each labelled where it is wide enough; below it the ends of the address range
 * and a flag under each kernel whose memory another wrote into, stacked so no two labels touch.
 */
export function layoutMemory(spec: MemorySpec, top: number, width: number): MemoryLayout {
  const last = spec.runs[spec.runs.length - 1];
  const total = last ? last.startMiB + last.sizeMiB : 1;
  const x = linearScale([0, total], [0, width]);
  const title = textBox(0, top, textWidth(spec.title, FONT, true), TITLE_H, spec.title, {
    bold: true,
  });
  const bar = { x: 0, y: top + TITLE_H + 10, w: width, h: BAR_H };

  const below = bar.y + bar.h + 6;
  const placed: TextBox[] = [];
  const place = (box: TextBox) => {
    let lane = 0;
    let b = box;
    while (placed.some((p) => overlaps(p, b))) {
      lane++;
      b = { ...box, y: below + lane * LINE_H };
    }
    placed.push(b);
    return b;
  };
  const startW = textWidth(spec.startLabel, FONT);
  const endW = textWidth(spec.endLabel, FONT);
  const ends = [
    place(textBox(0, below, startW, LINE_H, spec.startLabel)),
    place(textBox(width - endW, below, endW, LINE_H, spec.endLabel, { anchor: 'end' })),
  ];
  /** A label under the bar, centred under `cx` (kept inside the view), with its tick. */
  const under = (cx: number, text: string, bold: boolean) => {
    const shown = fitText(text, FONT, width, bold);
    const w = textWidth(shown, FONT, bold);
    const x0 = Math.max(0, Math.min(width - w, cx - w / 2));
    const box = place(textBox(x0, below, w, LINE_H, shown, { bold }));
    return { tick: { x: cx - 1, y: bar.y + bar.h, w: 2, h: box.y - bar.y - bar.h + 3 }, text: box };
  };

  const runs: MemoryRunBox[] = spec.runs.map((r) => {
    const rx = x(r.startMiB);
    const rw = x(r.startMiB + r.sizeMiB) - rx;
    const room = rw - 2 * LABEL_PAD;
    const text = textWidth(r.label, FONT, true) <= room ? r.label : r.short;
    const inside =
      textWidth(text, FONT, true) <= room
        ? textBox(rx + LABEL_PAD, bar.y, textWidth(text, FONT, true), bar.h, text, { bold: true })
        : null;
    const box = { owner: r.owner, x: rx, y: bar.y, w: rw, h: bar.h };
    return { ...box, label: inside, outside: inside ? null : under(rx + rw / 2, r.short, false) };
  });

  const flags = spec.flags.flatMap((f) => {
    const own = runs.filter((r) => r.owner === f.owner);
    if (own.length === 0) return [];
    const widest = own.reduce((a, b) => (b.w > a.w ? b : a));
    return [{ owner: f.owner, ...under(widest.x + widest.w / 2, f.text, true) }];
  });

  const bottom = Math.max(...placed.map((p) => p.y + p.h));
  return { x: 0, y: top, w: width, h: bottom - top, title, bar, runs, ends, flags };
}
