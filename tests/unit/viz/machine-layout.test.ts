import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, translate, type Lang } from '../../../src/i18n';
import {
  advanceTo,
  apply,
  createMachine,
  preset,
  snapshot,
  type Input,
  type MachineView,
  type PresetId,
} from '../../../src/sim';
import { buildSpec, type Translate } from '../../../src/ui/machine/machine-spec';
import { cellSlots, columnsFor } from '../../../src/viz/machine-cells';
import { layoutMachine, MIN_WIDTH } from '../../../src/viz/machine-layout';
import { ipiGeometry } from '../../../src/viz/machine-ipi';
import { fitText, textWidth } from '../../../src/viz/machine-text';
import type { MachineLayout, Rect, TextBox } from '../../../src/viz/machine-types';

const tr =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);

function viewOf(id: PresetId, inputs: Input[] = [], ns = 2_000_000): MachineView {
  const m = createMachine(preset(id), 1);
  for (const input of inputs) apply(m, input);
  advanceTo(m, m.now + ns);
  return snapshot(m);
}

const inside = (a: Rect, b: Rect, slack = 0.5) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.w <= b.x + b.w + slack &&
  a.y + a.h <= b.y + b.h + slack;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

/** Every label the layout places, with the widest text a CPU cell can show in its slots. */
function texts(layout: MachineLayout, cellTexts: readonly string[]): TextBox[] {
  const out: TextBox[] = [];
  for (const g of layout.groups) {
    out.push(g.name, g.state);
    if (g.gaugeText) out.push(g.gaugeText);
    if (g.note) out.push(g.note);
    for (const c of [...g.lanes, ...g.idle, ...g.devices]) {
      if (c.label.text) out.push(c.label);
      if (c.badge) out.push(c.badge.text);
    }
  }
  const widest = cellTexts.reduce((a, b) => (textWidth(b, 12) > textWidth(a, 12) ? b : a), '');
  for (const c of layout.cells.values()) {
    const s = cellSlots(c);
    out.push({ ...s.label, text: cellTexts[0] ?? '', size: 12, bold: true, anchor: 'start' });
    out.push({ ...s.state, text: widest, size: 12, bold: false, anchor: 'start' });
  }
  const m = layout.memory;
  out.push(m.title, ...m.ends, ...m.flags.map((f) => f.text));
  for (const r of m.runs) {
    if (r.label) out.push(r.label);
    if (r.outside) out.push(r.outside.text);
  }
  return out.filter((b) => b.text !== '');
}

const CASES: PresetId[] = ['two-kernels', 'datacenter', 'web-db', 'noisy-neighbour', 'monolithic'];
const WIDTHS = [328, 360, 390, 700, 1050, 1600];

beforeAll(async () => {
  await loadLocale('es');
});

describe('machine layout', () => {
  for (const id of CASES) {
    for (const lang of ['en', 'es'] as const) {
      it(`${id} (${lang}) lays out cleanly from a phone to a projector`, () => {
        const view = viewOf(id);
        const spec = buildSpec(view, tr(lang), lang);
        for (const width of WIDTHS) {
          const layout = layoutMachine(spec, width);
          const where = `${id} ${lang} @${width}`;
          // Fits the container; every group inside it; no two groups overlap.
          expect(layout.width, where).toBeLessThanOrEqual(width);
          for (const g of layout.groups) {
            expect(inside(g, { x: 0, y: 0, w: width, h: layout.height }), where).toBe(true);
          }
          layout.groups.forEach((a, i) =>
            layout.groups.slice(i + 1).forEach((b) => expect(overlap(a, b), where).toBe(false)),
          );
          // Every CPU is drawn, inside the group of its owner.
          for (const c of view.cpus) {
            const cell = layout.cells.get(c.id);
            expect(cell, `${where} cpu ${c.id}`).toBeDefined();
            const group = layout.groups.find((g) => g.owner === c.owner);
            expect(group, `${where} owner ${c.owner}`).toBeDefined();
            expect(inside(cell as Rect, group as Rect), `${where} cpu ${c.id}`).toBe(true);
          }
          // Chips sit in their group; each lane chip under CPUs its workload runs on.
          for (const g of layout.groups) {
            for (const chip of [...g.lanes, ...g.idle, ...g.devices]) {
              expect(inside(chip, g), `${where} chip ${chip.key}`).toBe(true);
            }
            for (const lane of g.lanes) {
              const wl = view.workloads.find((w) => w.id === lane.workload);
              const under = [...layout.cells.values()].filter(
                (c) => c.x >= lane.x - 0.5 && c.x + c.w <= lane.x + lane.w + 0.5 && c.y < lane.y,
              );
              expect(
                under.some((c) => wl?.cpus.includes(c.id)),
                `${where} ${lane.key}`,
              ).toBe(true);
            }
          }
          // Text: never below 12 px, inside the view, fits its box, and no two labels touch.
          const boxes = texts(layout, spec.cellTexts);
          for (const b of boxes) {
            expect(b.size, `${where} "${b.text}"`).toBeGreaterThanOrEqual(12);
            expect(b.x, `${where} "${b.text}"`).toBeGreaterThanOrEqual(-0.5);
            expect(b.x + b.w, `${where} "${b.text}"`).toBeLessThanOrEqual(width + 0.5);
            expect(textWidth(b.text, b.size, b.bold), `${where} "${b.text}"`).toBeLessThanOrEqual(
              b.w + 0.5,
            );
          }
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => {
              expect(overlap(a, b), `${where}: "${a.text}" overlaps "${b.text}"`).toBe(false);
            }),
          );
        }
      });
    }
  }

  it('wraps groups into rows on a phone and puts several in a row on a wide screen', () => {
    const spec = buildSpec(viewOf('datacenter'), tr('en'), 'en');
    const rows = (l: MachineLayout) => new Set(l.groups.map((g) => g.y)).size;
    const phone = layoutMachine(spec, 328);
    const wide = layoutMachine(spec, 1600);
    expect(rows(phone)).toBe(phone.groups.length);
    expect(rows(wide)).toBeLessThan(wide.groups.length / 2);
    expect(phone.height).toBeGreaterThan(wide.height);
  });

  it('orders groups host first, spawns by id, then the pool', () => {
    const layout = layoutMachine(buildSpec(viewOf('two-kernels'), tr('en'), 'en'), 1000);
    expect(layout.groups.map((g) => g.key)).toEqual(['host', 'alpha', 'beta', 'pool']);
  });

  it('never plans for less than the narrowest phone', () => {
    const layout = layoutMachine(buildSpec(viewOf('two-kernels'), tr('en'), 'en'), 120);
    expect(layout.width).toBe(MIN_WIDTH);
  });

  it('keeps the layout when only the ring level, busy flags or CPU states change', () => {
    const a = viewOf('two-kernels', [], 1_000_000);
    const b = viewOf('two-kernels', [], 3_000_000);
    expect(JSON.stringify(buildSpec(a, tr('en'), 'en'))).toBe(
      JSON.stringify(buildSpec(b, tr('en'), 'en')),
    );
  });

  it('moves a CPU to its new group when it changes owner', () => {
    const before = viewOf('two-kernels');
    const after = viewOf('two-kernels', [{ type: 'cpu.toPool', cpu: 3 }]);
    const lb = layoutMachine(buildSpec(before, tr('en'), 'en'), 1000);
    const la = layoutMachine(buildSpec(after, tr('en'), 'en'), 1000);
    expect(lb.cells.get(3)?.group).toBe('host');
    expect(la.cells.get(3)?.group).toBe('pool');
    expect(la.cells.get(3)?.x).not.toBe(lb.cells.get(3)?.x);
  });

  it('flags the memory a scribble hit, under that kernel’s region', () => {
    const view = viewOf('two-kernels', [
      { type: 'fault', kind: 'scribble', target: 'beta', from: 'alpha' },
    ]);
    const beta = view.instances.find((i) => i.name === 'beta');
    expect(beta?.corruptBytes).toBeGreaterThan(0);
    const layout = layoutMachine(buildSpec(view, tr('en'), 'en'), 800);
    const flag = layout.memory.flags.find((f) => f.owner === beta?.id);
    const run = layout.memory.runs.find((r) => r.owner === beta?.id) as Rect;
    expect(flag?.text.text).toMatch(/^beta: .* bytes corrupted$/);
    expect(flag && flag.tick.x >= run.x && flag.tick.x <= run.x + run.w).toBe(true);
  });

  it('scales memory runs to the full width, in address order', () => {
    const layout = layoutMachine(buildSpec(viewOf('two-kernels'), tr('en'), 'en'), 640);
    const runs = layout.memory.runs;
    expect(runs[0]?.x).toBe(0);
    const last = runs[runs.length - 1] as Rect;
    expect(last.x + last.w).toBeCloseTo(640);
    runs
      .slice(1)
      .forEach((r, i) => expect(r.x).toBeCloseTo((runs[i] as Rect).x + (runs[i] as Rect).w));
  });

  it('gives IPIs a ring to aim at in each kernel (not the pool) and the text to keep clear of', () => {
    const view = viewOf('two-kernels');
    const layout = layoutMachine(buildSpec(view, tr('en'), 'en'), 900);
    const geo = ipiGeometry(layout);
    for (const g of layout.groups) {
      const ring = geo.ring(g.owner);
      if (g.owner < 0) continue;
      expect(ring, g.key).toEqual(g.ringAnchor);
      expect(inside({ ...(ring as { x: number; y: number }), w: 0, h: 0 }, g)).toBe(true);
    }
    expect(geo.cell(4)).toBe(layout.cells.get(4));
    expect(geo.obstacles.length).toBeGreaterThan(view.cpus.length * 2);
  });

  it('chooses grid columns by group size', () => {
    expect([0, 1, 2, 4, 6, 8, 16, 64].map((n) => columnsFor(n, 99))).toEqual([
      0, 1, 2, 4, 6, 8, 4, 8,
    ]);
    expect(columnsFor(8, 3)).toBe(3);
  });
});

describe('text estimates', () => {
  it('cuts a label with an ellipsis to fit, or drops it when nothing fits', () => {
    expect(fitText('alpha', 12, 200)).toBe('alpha');
    const cut = fitText('a-very-long-kernel-name', 12, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60);
    expect(fitText('alpha', 12, 5)).toBe('');
  });
});
