import {
  embeddedFontCss,
  fontUrlFromSrc,
  pngSize,
  PNG_SCALE,
  resolveVars,
  styleDeclaration,
  svgFileText,
  transformAttribute,
} from './svg-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The message dots' canvas and the band of the view it covers (fractions of its height). */
export interface DotsBand {
  readonly canvas: HTMLCanvasElement;
  readonly top: number;
  readonly height: number;
}

/** The main machine view on the page: its SVG and the canvas of message dots laid over it. */
export function findMachineView(): { svg: SVGSVGElement; dots: DotsBand | null } | null {
  const svg = document.querySelector<SVGSVGElement>('svg[data-testid="machine-view"]');
  if (!svg) return null;
  const canvas = svg.parentElement?.querySelector<HTMLCanvasElement>('canvas.mk-dots') ?? null;
  // The canvas covers only the band of the view on screen (DotCanvas): where, read off the page.
  const view = svg.getBoundingClientRect();
  const band = canvas?.getBoundingClientRect();
  const dots =
    canvas && band && view.height > 0
      ? { canvas, top: (band.top - view.top) / view.height, height: band.height / view.height }
      : null;
  return { svg, dots };
}

/** The page's own font as an embedded @font-face (null when it cannot be read: system font then). */
async function fontFace(): Promise<string | null> {
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
 * The machine view as a standalone SVG file: a copy with every element's computed look written
 * onto it (so the page's stylesheet and CSS variables are no longer needed), the theme's
 * background behind it, and the page's font embedded.
 */
export async function machineSvg(
  svg: SVGSVGElement,
): Promise<{ text: string; width: number; height: number }> {
  // The view is drawn in layers, each an SVG over the same box (MachineView: group frames,
  // traffic arrows, the machine itself, ring levels and busy CPUs, traffic marks): the file holds
  // their contents in one SVG, bottom to top, with the machine's own attributes and title.
  const layers = Array.from(
    svg.parentElement?.querySelectorAll<SVGSVGElement>(':scope > svg') ?? [],
  );
  const clone = svg.cloneNode(false) as SVGSVGElement;
  const rootStyle = getComputedStyle(document.documentElement);
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
    const own = el === svg || el instanceof SVGPatternElement || el instanceof SVGGradientElement;
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
  bake(svg, clone);
  for (const layer of layers.includes(svg) ? layers : [svg]) {
    const copy = layer.cloneNode(true) as SVGSVGElement;
    const to = Array.from(copy.querySelectorAll('*'));
    Array.from(layer.querySelectorAll('*')).forEach((el, i) => {
      const into = to[i];
      if (into) bake(el, into);
    });
    clone.append(...Array.from(copy.childNodes));
  }
  // The title first (the background goes right after it, under everything drawn).
  const first = clone.querySelector('title');
  if (first) clone.prepend(first);
  const [x = 0, y = 0, width = svg.clientWidth, height = svg.clientHeight] = (
    svg.getAttribute('viewBox') ?? ''
  )
    .split(/\s+/)
    .map(Number);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  // The theme's page colour (a slide in the dark theme keeps its dark ground and light ink).
  bg.setAttribute('fill', lookup('--bg').trim() || '#ffffff');
  const title = clone.querySelector('title');
  if (title) title.after(bg);
  else clone.prepend(bg);
  const font = await fontFace();
  if (font) {
    const style = document.createElementNS(SVG_NS, 'style');
    style.textContent = font;
    clone.prepend(style);
  }
  const markup = new XMLSerializer()
    .serializeToString(clone)
    .replaceAll(` ${STYLE_ATTR}="`, ' style="');
  return { text: svgFileText(markup), width, height };
}

/** The view as a PNG at twice its size: the SVG drawn, then the message dots over it. */
export async function machinePng(
  svg: { text: string; width: number; height: number },
  dots: DotsBand | null,
): Promise<Blob> {
  const size = pngSize(svg.width, svg.height, PNG_SCALE);
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, size.width, size.height);
    // The dots' canvas covers the SVG's width (margin included) and a band of its height.
    if (dots && dots.canvas.width > 0) {
      const top = dots.top * size.height;
      ctx.drawImage(dots.canvas, 0, top, size.width, dots.height * size.height);
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { saveBlob } from '../../ui/download';
