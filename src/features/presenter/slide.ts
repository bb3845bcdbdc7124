/**
 * The pure half of the 16:9 slide (issue 13, "for slides and paper"): where the machine (and the
 * twin, when shown) sit on a 1920×1080 picture, and the picture's SVG text with a caption under
 * them. The DOM half (copying the live views, drawing the PNG) is export-view.ts.
 */

export const SLIDE_W = 1920;
export const SLIDE_H = 1080;
const PAD = 32;
/** The caption band: the lesson's title over the step and the simulated time (and a note). */
const CAPTION_H = 130;
const NOTE_H = 50;
/** A pane's heading ("Multikernel" / "Monolithic twin") when two panes share the slide. */
const HEADING_H = 48;
const GAP = 40;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One machine drawing on the slide: its SVG children and the box they are drawn in. */
export interface SlidePane {
  readonly id: 'machine' | 'twin';
  readonly heading: string | null;
  /** The serialized children of the view's SVG (already standalone: no CSS variables). */
  readonly markup: string;
  readonly viewBox: Box;
}

export interface SlideCaption {
  /** The lesson's title (or "Sandbox"). */
  readonly title: string;
  /** "Step 3 of 7: … · Simulated time 412 ms". */
  readonly detail: string;
  /** A third line (a video's happening); given, even empty, the band keeps room for it. */
  readonly note?: string;
}

export interface SlideLook {
  readonly bg: string;
  readonly ink: string;
  readonly muted: string;
  readonly fontFamily: string;
  /** An embedded @font-face (null: the viewer's sans-serif). */
  readonly fontCss: string | null;
}

/** `inner` scaled to fit `outer` without distortion, centred (SVG's xMidYMid meet). */
export function fitBox(inner: { width: number; height: number }, outer: Box): Box {
  const s = Math.min(outer.width / inner.width, outer.height / inner.height);
  const width = inner.width * s;
  const height = inner.height * s;
  return {
    x: outer.x + (outer.width - width) / 2,
    y: outer.y + (outer.height - height) / 2,
    width,
    height,
  };
}

/** Where each pane's drawing goes: one pane fills the slide above the caption; two share it. */
export function slideLayout(
  panes: readonly Pick<SlidePane, 'viewBox' | 'heading'>[],
  captionH = CAPTION_H,
): { readonly headings: Box[]; readonly boxes: Box[] } {
  const n = Math.max(1, panes.length);
  const colW = (SLIDE_W - 2 * PAD - (n - 1) * GAP) / n;
  const top = PAD;
  const bottom = SLIDE_H - captionH - PAD / 2;
  const headings: Box[] = [];
  const boxes: Box[] = [];
  panes.forEach((p, i) => {
    const x = PAD + i * (colW + GAP);
    const head = p.heading ? HEADING_H : 0;
    headings.push({ x, y: top, width: colW, height: head });
    boxes.push(fitBox(p.viewBox, { x, y: top + head, width: colW, height: bottom - top - head }));
  });
  return { headings, boxes };
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const r = (v: number) => String(Math.round(v * 100) / 100);

/** The slide as a standalone SVG file (1920×1080, viewBox 0 0 1920 1080). */
export function slideSvg(
  panes: readonly SlidePane[],
  caption: SlideCaption,
  look: SlideLook,
  lang: string,
): { readonly text: string; readonly width: number; readonly height: number; boxes: Box[] } {
  const captionH = caption.note === undefined ? CAPTION_H : CAPTION_H + NOTE_H;
  const { headings, boxes } = slideLayout(panes, captionH);
  const font = `font-family:${look.fontFamily.replace(/"/g, "'")}`;
  const parts: string[] = [];
  parts.push(`<title>${esc(`${caption.title} — ${caption.detail}`)}</title>`);
  if (look.fontCss) parts.push(`<style>${look.fontCss}</style>`);
  parts.push(`<rect x="0" y="0" width="${SLIDE_W}" height="${SLIDE_H}" fill="${esc(look.bg)}"/>`);
  panes.forEach((p, i) => {
    const h = headings[i];
    const b = boxes[i];
    if (!h || !b) return;
    if (p.heading)
      parts.push(
        `<text data-part="heading" x="${r(h.x + h.width / 2)}" y="${r(h.y + 34)}" text-anchor="middle" fill="${esc(look.ink)}" style="${font};font-size:30px;font-weight:700">${esc(p.heading)}</text>`,
      );
    const vb = p.viewBox;
    parts.push(
      `<svg data-pane="${p.id}" x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" viewBox="${r(vb.x)} ${r(vb.y)} ${r(vb.width)} ${r(vb.height)}" overflow="hidden">${p.markup}</svg>`,
    );
  });
  const capY = SLIDE_H - captionH;
  parts.push(
    `<line x1="${PAD}" x2="${SLIDE_W - PAD}" y1="${capY}" y2="${capY}" stroke="${esc(look.muted)}" stroke-width="2"/>`,
    `<text data-part="caption-title" x="${PAD}" y="${capY + 54}" fill="${esc(look.ink)}" style="${font};font-size:40px;font-weight:700">${esc(caption.title)}</text>`,
    `<text data-part="caption-detail" x="${PAD}" y="${capY + 104}" fill="${esc(look.muted)}" style="${font};font-size:32px">${esc(caption.detail)}</text>`,
  );
  if (caption.note)
    parts.push(
      `<text data-part="caption-note" x="${PAD}" y="${capY + 154}" fill="${esc(look.ink)}" style="${font};font-size:32px;font-weight:600">${esc(caption.note)}</text>`,
    );
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${esc(lang)}" width="${SLIDE_W}" height="${SLIDE_H}" viewBox="0 0 ${SLIDE_W} ${SLIDE_H}">` +
    parts.join('') +
    `</svg>\n`;
  return { text, width: SLIDE_W, height: SLIDE_H, boxes };
}
