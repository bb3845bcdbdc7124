/**
 * The pure half of "export the view for slides": resolving CSS variables, the style properties
 * copied onto each element, the embedded font and the file names. The DOM half
 * (walking the live SVG, drawing the PNG) is export-view.ts; the 16:9 slide is slide.ts.
 */

/** What an SVG element's look depends on; each is copied from its computed style. */
export const EXPORT_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'letter-spacing',
  'stop-color',
] as const;

/**
 * Replace every `var(--name)` or `var(--name, fallback)` in a value by what `lookup` says (a
 * fallback when it says nothing), recursively: a file for slides must not depend on the page's
 * stylesheet.
 */
export function resolveVars(value: string, lookup: (name: string) => string, depth = 0): string {
  if (!value.includes('var(')) return value;
  // A variable that refers to itself has no value: give up with nothing rather than loop.
  if (depth > 8) return '';
  let out = '';
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('var(', i);
    if (at < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, at);
    // Find the matching parenthesis (a fallback may itself hold parentheses).
    let level = 0;
    let end = at + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') level++;
      else if (value[end] === ')' && --level === 0) break;
    }
    const inner = value.slice(at + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? '' : inner.slice(comma + 1).trim();
    const found = lookup(name).trim();
    out += resolveVars(found || fallback, lookup, depth + 1);
    i = end + 1;
  }
  return out;
}

/** Values a property takes anyway: left out so the file stays small. */
const DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  'fill-opacity': ['1'],
  'stroke-opacity': ['1'],
  opacity: ['1'],
  visibility: ['visible'],
  display: ['inline', 'block'],
  'stroke-dasharray': ['none'],
  'stroke-linecap': ['butt'],
  'stroke-linejoin': ['miter'],
  'font-style': ['normal'],
  'text-anchor': ['start'],
  'dominant-baseline': ['auto'],
  'paint-order': ['normal'],
  'letter-spacing': ['normal'],
  'stop-color': ['rgb(0, 0, 0)'],
};

/** One element's `style` attribute from its computed style (`get(prop)`). */
export function styleDeclaration(get: (prop: string) => string): string {
  const parts: string[] = [];
  for (const prop of EXPORT_PROPS) {
    const v = get(prop).trim();
    if (!v || DEFAULTS[prop]?.includes(v)) continue;
    // Double quotes would end the attribute; the serializer escapes them, but keep it readable.
    parts.push(`${prop}:${v.replace(/"/g, "'")}`);
  }
  return parts.join(';');
}

/**
 * A computed CSS transform as an SVG `transform` attribute (`matrix(a, b, c, d, e, f)` →
 * `matrix(a b c d e f)`): the view places its groups and CPUs with CSS transforms, which older
 * SVG tools ignore, while every tool reads the attribute. Null for none.
 */
export function transformAttribute(computed: string): string | null {
  const v = computed.trim();
  if (!v || v === 'none') return null;
  const m = /^matrix\(([^)]*)\)$/.exec(v);
  if (!m?.[1]) return v;
  return `matrix(${m[1]
    .split(',')
    .map((x) => x.trim())
    .join(' ')})`;
}

/** The URL of the first `url(...)` in an @font-face `src`. */
export function fontUrlFromSrc(src: string): string | null {
  const m = /url\(\s*(['"]?)([^'")]+)\1\s*\)/.exec(src);
  return m?.[2] ?? null;
}

/** An @font-face rule carrying the font itself, so the file renders the same anywhere. */
export function embeddedFontCss(family: string, base64Woff2: string): string {
  return `@font-face{font-family:'${family.replace(/['"]/g, '')}';font-weight:100 900;src:url(data:font/woff2;base64,${base64Woff2}) format('woff2');}`;
}

/** `multikernel-crash-containment-step-3.png`, or `multikernel-two-kernels-412ms.svg`. */
export function exportName(
  ext: 'png' | 'svg',
  where: {
    readonly lesson?: string | null;
    readonly step?: number | null;
    readonly scenario?: string;
    readonly tNs: number;
  },
): string {
  const safe = (s: string) =>
    s
      .replace(/[^a-z0-9-]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  const base =
    where.lesson && where.step !== null && where.step !== undefined
      ? `${safe(where.lesson)}-step-${where.step + 1}`
      : `${safe(where.scenario ?? 'machine') || 'machine'}-${Math.floor(where.tNs / 1e6)}ms`;
  return `multikernel-${base}.${ext}`;
}
