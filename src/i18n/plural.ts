/**
 * Plural forms in catalog strings, written as a small subset of ICU MessageFormat:
 *
 *   "{count, plural, one {# línea anterior} other {# líneas anteriores}}"
 *
 * The branch is chosen by `new Intl.PluralRules(lang).select(n)`; `#` is the number as the caller
 * passed it (often already formatted, "1.234"); a branch may hold other `{placeholders}`. Branch
 * names are the Intl categories (zero, one, two, few, many, other); `other` is the fallback and is
 * required. No library: this subset (no select, no nesting of plurals, no offsets) is all the
 * catalogs need, and a full ICU runtime would weigh more than the whole English catalog.
 */

export type Params = Readonly<Record<string, string | number>>;

const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = [
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
];

interface PluralArg {
  /** The parameter that counts. */
  readonly name: string;
  /** Branch name → text (with `#` and placeholders still in it). */
  readonly forms: Readonly<Record<string, string>>;
  /** Where the whole `{name, plural, …}` starts and ends in the string. */
  readonly start: number;
  readonly end: number;
}

const HEAD = /\{\s*([A-Za-z_]\w*)\s*,\s*plural\s*,/g;

/** The index just past the `}` that closes the `{` at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The plural arguments of a string; throws on one it cannot read (check-i18n reports it). */
export function pluralArgs(s: string): PluralArg[] {
  const out: PluralArg[] = [];
  for (const m of s.matchAll(HEAD)) {
    const start = m.index;
    const end = closing(s, start);
    if (end < 0) throw new Error(`unclosed plural "{${m[1]}, plural, …"`);
    const forms: Record<string, string> = {};
    const body = s.slice(start + m[0].length, end - 1);
    let i = 0;
    while (i < body.length) {
      const rest = body.slice(i);
      const lead = /^\s*([a-z]+)\s*\{/.exec(rest);
      if (!lead) {
        if (rest.trim()) throw new Error(`plural "${m[1]}": cannot read "${rest.trim()}"`);
        break;
      }
      const open = i + lead[0].length - 1;
      const close = closing(body, open);
      if (close < 0) throw new Error(`plural "${m[1]}": unclosed branch "${lead[1]}"`);
      forms[lead[1] ?? ''] = body.slice(open + 1, close - 1);
      i = close;
    }
    out.push({ name: m[1] ?? '', forms, start, end });
  }
  return out;
}

/** The number a parameter counts: counts come formatted with group separators ("1.234"). */
function countOf(v: string | number | undefined): number {
  if (typeof v === 'number') return v;
  const digits = String(v ?? '').replace(/[^\d]/g, '');
  return digits ? Number(digits) : NaN;
}

const rulesCache = new Map<string, Intl.PluralRules>();
function rules(lang: string): Intl.PluralRules {
  let r = rulesCache.get(lang);
  if (!r) rulesCache.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A catalog string with its plural forms chosen and its `{placeholders}` filled. */
export function formatMessage(lang: string, text: string, params: Params = {}): string {
  if (!text.includes('plural')) return fill(text, params);
  let args: PluralArg[];
  try {
    args = pluralArgs(text);
  } catch {
    return fill(text, params);
  }
  let out = '';
  let at = 0;
  for (const a of args) {
    const v = params[a.name];
    const n = countOf(v);
    const form = Number.isNaN(n) ? 'other' : rules(lang).select(n);
    const chosen = a.forms[form] ?? a.forms.other ?? '';
    out += text.slice(at, a.start) + chosen.replace(/#/g, v === undefined ? '#' : String(v));
    at = a.end;
  }
  return fill(out + text.slice(at), params);
}

/** The categories a language uses for whole numbers (0–1000): the forms its plurals must have. */
export function neededForms(lang: string): Intl.LDMLPluralRule[] {
  const seen = new Set<Intl.LDMLPluralRule>(['other']);
  for (let n = 0; n <= 1000; n++) seen.add(rules(lang).select(n));
  return PLURAL_CATEGORIES.filter((c) => seen.has(c));
}
