/**
 * Text width estimates for the machine view's layout, from Inter's advance widths (in em,
 * measured on the shipped Inter Variable subset at weight 400). Pure: the layout must not touch
 * the DOM, and a slight over-estimate (SAFETY) keeps labels from touching.
 */
const NARROW = ' .,:;·!|iIjlf()[]/\'"';
const WIDTHS: Readonly<Record<string, number>> = {
  ' ': 0.28,
  '.': 0.29,
  ',': 0.29,
  ':': 0.29,
  '·': 0.29,
  '/': 0.36,
  '(': 0.36,
  ')': 0.36,
  '-': 0.46,
  '−': 0.66,
  '×': 0.66,
  '…': 0.86,
  '%': 0.98,
  '+': 0.66,
  i: 0.24,
  j: 0.24,
  l: 0.24,
  í: 0.24,
  I: 0.27,
  f: 0.37,
  r: 0.38,
  t: 0.33,
  '1': 0.41,
  m: 0.88,
  w: 0.82,
  M: 0.9,
  W: 0.99,
};
const LOWER = 0.59;
const UPPER = 0.72;
const DIGIT = 0.63;
const OTHER = 0.9;
const SAFETY = 1.06;
/** Widths computed two ways (a + 16 − 16) may differ in the last bit. */
const EPSILON = 0.01;
/** Semibold (600) runs about 3% wider than regular. */
const BOLD = 1.03;

function charEm(ch: string): number {
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  if (NARROW.includes(ch)) return 0.3;
  if (ch >= '0' && ch <= '9') return DIGIT;
  if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toLowerCase() ? LOWER : UPPER;
  return OTHER;
}

/** Estimated width in px of `text` at `size` px (weight ≥ 600 when `bold`). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * SAFETY * (bold ? BOLD : 1);
}

/** `text`, cut with an ellipsis so that it fits `maxWidth` px (empty when not even "x…" fits). */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth + EPSILON) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= 1; n--) {
    const cut = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (textWidth(cut, size, bold) <= maxWidth + EPSILON) return cut;
  }
  return '';
}
