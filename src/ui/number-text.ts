import type { Lang } from '../i18n';

/**
 * Numbers written as `Intl.NumberFormat(lang, { maximumFractionDigits })` writes them in English
 * and Spanish, without Intl. Why not Intl: the first `Intl.NumberFormat` a page makes loads the
 * locale's number data, one 150–400 ms task on a CPU slowed 4× (measured for issue 14), in the
 * middle of the first screen. Property-tested against Intl (tests/unit/ui/number-text.test.ts).
 */
const STYLE: Readonly<Record<Lang, { group: string; decimal: string; minGroupDigits: number }>> = {
  en: { group: ',', decimal: '.', minGroupDigits: 4 },
  // Spanish groups thousands only from five digits on (CLDR: 1234, but 12.345).
  es: { group: '.', decimal: ',', minGroupDigits: 5 },
};

/** Past this the shortest decimal form may be written with an exponent: Intl writes those. */
const PLAIN_MAX = 1e21;
const PLAIN_MIN = 1e-6;

/** `digits` (the integer and fraction digits of |x|) rounded half away from zero. */
function roundPlain(abs: number, digits: number): { int: string; frac: string } {
  if (abs !== 0 && abs < PLAIN_MIN) return { int: '0', frac: '' };
  const [int = '0', frac = ''] = String(abs).split('.');
  if (frac.length <= digits) return { int, frac: frac.replace(/0+$/, '') };
  const kept = int + frac.slice(0, digits);
  const up = (frac.charCodeAt(digits) ?? 48) >= 53; // '5'
  let carried = kept;
  if (up) {
    const d = carried.split('');
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') d[i--] = '0';
    if (i < 0) d.unshift('1');
    else d[i] = String(Number(d[i]) + 1);
    carried = d.join('');
  }
  const cut = carried.length - digits;
  return { int: carried.slice(0, cut) || '0', frac: carried.slice(cut).replace(/0+$/, '') };
}

function grouped(int: string, lang: Lang): string {
  const { group, minGroupDigits } = STYLE[lang];
  if (int.length < minGroupDigits) return int;
  return int.replace(/\B(?=(\d{3})+$)/g, group);
}

/** `x` with at most `digits` fraction digits, as Intl.NumberFormat writes it for `lang`. */
export function formatNumber(lang: Lang, x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= PLAIN_MAX) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);
  }
  const { int, frac } = roundPlain(Math.abs(x), digits);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${grouped(int, lang)}${frac ? STYLE[lang].decimal + frac : ''}`;
}
