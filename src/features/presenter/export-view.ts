import type { Box, SlideLook } from './slide';
import {
  embeddedFontCss,
  fontUrlFromSrc,
  resolveVars,
  styleDeclaration,
  transformAttribute,
} from './svg-export';

/** One canvas of message dots and the part of its view it covers (fractions of its size). */
export interface DotsPiece {
  readonly canvas: HTMLCanvasElement;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A machine view on the page: its SVG and the canvases of message dots laid over it. */
export interface FoundView {
  readonly svg: SVGSVGElement;
  readonly dots: readonly DotsPiece[];
}

/** The view with this test id (`machine-view`, or `twin-machine-view` for the twin), if shown. */
export function findView(testId: string, root: ParentNode = document): FoundView | null {
  const svg = root.querySelector<SVGSVGElement>(`svg[data-testid="${testId}"]`);
  if (!svg) return null;
  // The dots are drawn on tiles made where they go (DotCanvas): where each is, read off the page.
  const canvases = svg.parentElement?.querySelectorAll<HTMLCanvasElement>('.mk-dots canvas');
  const view = svg.getBoundingClientRect();
  const dots = [...(canvases ?? [])].flatMap((canvas) => {
    const r = canvas.getBoundingClientRect();
    if (view.width <= 0 || view.height <= 0 || canvas.width === 0) return [];
    return [
      {
        canvas,
        left: (r.left - view.left) / view.width,
        top: (r.top - view.top) / view.height,
        width: r.width / view.width,
        height: r.height / view.height,
      },
    ];
  });
  return { svg, dots };
}

/** The page's own font as an embedded @font-face (null when it cannot be read: system font then). */
export async function fontFace(): Promise<string | null> {
  const family = getComputedStyle(document.body).fontFamily.split(',')[0]?.trim() ?? '';
  const name = family.replace(/['"]/g, '');
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      if (rule.style.getPropertyValue('font-family').replace(/['"]/g, '').trim() !== name) continue;
      const url = fontUrlFromSrc(rule.style.getPropertyValue('src'));
      if (!url) continue;
      try {
        const res = await fetch(new URL(url, sheet.href ?? location.href));
        if (!res.ok) return null;
        const bytes = new Uint8Array(await res.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return embeddedFontCss(name, btoa(bin));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The attribute the export writes each element's computed look into (see below). */
const STYLE_ATTR = 'data-export-style';

/**
 * One machine view's drawing, ready for a standalone file: a copy with every element's computed
 * look written onto it (so the page's stylesheet and CSS variables are no longer needed), its
 * layers' contents in one list, bottom to top, and the box it draws in.
 */
export function viewMarkup(svg: SVGSVGElement): { markup: string; viewBox: Box } {
  // The view is drawn in layers, each an SVG over the same box (MachineView: group frames,
  // traffic arrows, the machine itself, ring levels and busy CPUs, traffic marks).
  const layers = Array.from(
    svg.parentElement?.querySelectorAll<SVGSVGElement>(':scope > svg') ?? [],
  );
  // Variables as the view sees them (a handout's stage sets the paper's palette on itself).
  const rootStyle = getComputedStyle(svg);
  const lookup = (name: string) => rootStyle.getPropertyValue(name);
  const bake = (el: Element, copy: Element) => {
    const cs = getComputedStyle(el);
    // The computed look replaces the element's own style attribute (which may hold variables);
    // its CSS transform becomes the transform attribute.
    // Written under another name and renamed in the text: the page's Content-Security-Policy
    // (style-src 'self') refuses style attributes set from script, even on a detached copy.
    const style = styleDeclaration((p) => cs.getPropertyValue(p));
    copy.removeAttribute('style');
    if (style) copy.setAttribute(STYLE_ATTR, style);
    // (Patterns and gradients keep their own patternTransform / gradientTransform.)
    const own = el instanceof SVGPatternElement || el instanceof SVGGradientElement;
    const transform = own ? null : transformAttribute(cs.getPropertyValue('transform'));
    if (transform) copy.setAttribute('transform', transform);
    for (const attr of Array.from(copy.attributes)) {
      if (attr.value.includes('var('))
        copy.setAttribute(attr.name, resolveVars(attr.value, lookup));
    }
    // Nothing in a slide is focusable or a live part of the page.
    copy.removeAttribute('tabindex');
    copy.removeAttribute('class');
  };
  const serializer = new XMLSerializer();
  let markup = '';
  for (const layer of layers.includes(svg) ? layers : [svg]) {
    const copy = layer.cloneNode(true) as SVGSVGElement;
    const to = Array.from(copy.querySelectorAll('*'));
    Array.from(layer.querySelectorAll('*')).forEach((el, i) => {
      const into = to[i];
      if (into) bake(el, into);
    });
    // The view's own title names the live view; the slide has its own.
    copy.querySelectorAll(':scope > title').forEach((t) => t.remove());
    for (const child of Array.from(copy.childNodes)) markup += serializer.serializeToString(child);
  }
  // Each child serialized alone carries the namespace; inside the slide's SVG it is implied.
  markup = markup
    .replaceAll(' xmlns="http://www.w3.org/2000/svg"', '')
    .replaceAll(` ${STYLE_ATTR}="`, ' style="');
  const [x = 0, y = 0, width = svg.clientWidth, height = svg.clientHeight] = (
    svg.getAttribute('viewBox') ?? ''
  )
    .split(/\s+/)
    .map(Number);
  return { markup, viewBox: { x, y, width, height } };
}

/** The page's font, read once: a video draws hundreds of slides. */
let font: Promise<string | null> | null = null;

/** The slide's look: the theme's page colour and ink (a dark theme's slide stays dark). */
export async function slideLook(from: Element = document.documentElement): Promise<SlideLook> {
  const root = getComputedStyle(from);
  const v = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#ffffff'),
    ink: v('--fg', '#111111'),
    muted: v('--muted', '#555555'),
    fontFamily: getComputedStyle(document.body).fontFamily,
    fontCss: await (font ??= fontFace()),
  };
}

/** The slide as a PNG (1920×1080): the SVG drawn, then each pane's message dots over it. */
export async function slidePng(
  svg: { text: string; width: number; height: number; boxes: readonly Box[] },
  dots: readonly (readonly DotsPiece[])[],
): Promise<Blob> {
  const canvas = await slideCanvas(svg, dots);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** The slide drawn on a canvas of its size (the PNG's and the video's frames). */
export async function slideCanvas(
  svg: { text: string; width: number; height: number; boxes: readonly Box[] },
  dots: readonly (readonly DotsPiece[])[],
  into?: HTMLCanvasElement,
): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = into ?? document.createElement('canvas');
    canvas.width = svg.width;
    canvas.height = svg.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, svg.width, svg.height);
    // Each view's dots, tile by tile, where they lie over it.
    dots.forEach((pieces, i) => {
      const box = svg.boxes[i];
      if (!box) return;
      for (const d of pieces) {
        const x = box.x + d.left * box.width;
        const y = box.y + d.top * box.height;
        ctx.drawImage(d.canvas, x, y, d.width * box.width, d.height * box.height);
      }
    });
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { saveBlob } from '../../ui/download';
