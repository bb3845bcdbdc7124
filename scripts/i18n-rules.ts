// Pure rules behind scripts/check-i18n.ts (unit-tested in tests/unit/i18n-rules.test.ts).
// Locale files are flat objects, key → string, with placeholders written `{name}`.
import { neededForms, pluralArgs } from '../src/i18n/plural';
import { wrongTerms } from './i18n-terms';

export type Catalog = Readonly<Record<string, unknown>>;

export type I18nRule =
  | 'not-a-string'
  | 'missing-in-es'
  | 'missing-in-en'
  | 'placeholders-differ'
  | 'untranslated'
  | 'bare-nucleo'
  | 'term'
  | 'plural-forms';

export interface I18nProblem {
  rule: I18nRule;
  key: string;
  message: string;
}

export interface I18nReport {
  /** Keys present in both locales (the ones whose strings were compared). */
  keysChecked: number;
  problems: I18nProblem[];
  /** Allowlist entries that match no key and no English string (not an error). */
  unusedAllowlist: string[];
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const PLURAL_HEAD = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*plural\s*,/g;

/** The placeholder names in a string (a plural's count too), sorted and de-duplicated. */
export function placeholders(s: string): string[] {
  const names = [...s.matchAll(PLACEHOLDER), ...s.matchAll(PLURAL_HEAD)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}

/**
 * What is wrong with a string's plural forms in `lang`: one it cannot read, a branch that is no
 * plural form of the language, or a missing form the language needs for whole numbers (en and es:
 * one, other). Each plural is checked as a group, in each language on its own: Spanish may count
 * where English does not («{count} IPI») and the other way round.
 */
export function pluralProblems(lang: string, s: string): string[] {
  let args;
  try {
    args = pluralArgs(s);
  } catch (err) {
    return [(err as Error).message];
  }
  const needed = neededForms(lang);
  const out: string[] = [];
  for (const a of args) {
    const forms = Object.keys(a.forms);
    const known: readonly string[] = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const unknown = forms.filter((f) => !known.includes(f));
    const missing = needed.filter((f) => !forms.includes(f));
    if (unknown.length)
      out.push(`plural "${a.name}": "${unknown.join('", "')}" is no plural form of ${lang}`);
    if (missing.length)
      out.push(
        `plural "${a.name}": ${lang} needs the form${missing.length > 1 ? 's' : ''} "${missing.join('", "')}"`,
      );
  }
  return out;
}

/**
 * "núcleo" alone also means a CPU core (multinúcleo = multi-core), so the kernel is "kernel" or
 * "núcleo del SO" / "núcleo del sistema operativo", and a core is "núcleo de CPU" (CURRICULUM.md,
 * Spanish terminology). Any other "núcleo"/"núcleos" is ambiguous. Letters on either side
 * (micronúcleo, multinúcleo) make it a different word.
 */
const BARE_NUCLEO =
  /(?<![\p{L}\p{N}_])núcleos?(?![\p{L}\p{N}_])(?!\s+(?:del\s+SO|del\s+sistema\s+operativo|de\s+(?:la\s+)?CPU)(?![\p{L}\p{N}_]))/giu;

/** Each bare "núcleo"/"núcleos" in a Spanish string, as it is written there. */
export function bareNucleo(s: string): string[] {
  return [...s.normalize('NFC').matchAll(BARE_NUCLEO)].map((m) => m[0]);
}

/** A string with no letters outside its placeholders ("{n}/{m}", "64", "—") reads the same. */
function hasWords(s: string): boolean {
  return /\p{L}/u.test(s.replace(PLACEHOLDER, ''));
}

const fmt = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(' ') : '(none)');

export function checkI18n(
  en: Catalog,
  es: Catalog,
  sameInBoth: readonly string[] = [],
): I18nReport {
  const problems: I18nProblem[] = [];
  const allow = new Set(sameInBoth);
  const usedAllow = new Set<string>();

  for (const [name, catalog] of [
    ['en', en],
    ['es', es],
  ] as const) {
    for (const [key, value] of Object.entries(catalog)) {
      if (typeof value !== 'string') {
        problems.push({
          rule: 'not-a-string',
          key,
          message: `${name}.json: "${key}" is ${value === null ? 'null' : typeof value}, not a string (files are flat: key → string)`,
        });
        continue;
      }
      for (const p of pluralProblems(name, value)) {
        problems.push({ rule: 'plural-forms', key, message: `${name}: "${key}": ${p}` });
      }
    }
  }

  const enKeys = Object.keys(en).sort();
  const esKeys = new Set(Object.keys(es));
  for (const key of enKeys) {
    if (!esKeys.has(key)) {
      problems.push({ rule: 'missing-in-es', key, message: `"${key}" is missing in es.json` });
    }
  }
  for (const key of [...esKeys].sort()) {
    if (!Object.hasOwn(en, key)) {
      problems.push({
        rule: 'missing-in-en',
        key,
        message: `"${key}" is in es.json but not in en.json (en.json is the source of truth)`,
      });
    }
  }

  let keysChecked = 0;
  for (const key of enKeys) {
    const e = en[key];
    const s = es[key];
    if (!esKeys.has(key)) continue;
    keysChecked++;
    if (typeof e !== 'string' || typeof s !== 'string') continue;

    const pe = placeholders(e);
    const ps = placeholders(s);
    if (pe.join('\0') !== ps.join('\0')) {
      problems.push({
        rule: 'placeholders-differ',
        key,
        message: `"${key}": placeholders differ — en ${fmt(pe)}, es ${fmt(ps)}`,
      });
    }

    if (e === s && hasWords(e)) {
      if (allow.has(key)) usedAllow.add(key);
      if (allow.has(e)) usedAllow.add(e);
      if (!allow.has(key) && !allow.has(e)) {
        problems.push({
          rule: 'untranslated',
          key,
          message: `"${key}": the Spanish string is identical to the English one ("${e}"); translate it, or add the key or the string to src/i18n/same-in-both.json`,
        });
      }
    }

    const bare = bareNucleo(s);
    if (bare.length) {
      problems.push({
        rule: 'bare-nucleo',
        key,
        message: `"${key}": bare "${bare.join('", "')}" is ambiguous (also a CPU core) — write "kernel" or "núcleo del SO" (a core: "núcleo de CPU")`,
      });
    }

    for (const { term, found } of wrongTerms(key, s)) {
      problems.push({
        rule: 'term',
        key,
        message: `"${key}": "${found}" — for ${term.concept} the Spanish text says «${term.es}» (scripts/i18n-terms.ts)`,
      });
    }
  }

  // An entry is "used" also when it names an existing key whose strings happen to differ now.
  for (const entry of allow) if (Object.hasOwn(en, entry)) usedAllow.add(entry);
  const enStrings = new Set(Object.values(en).filter((v): v is string => typeof v === 'string'));
  const unusedAllowlist = [...allow].filter((a) => !usedAllow.has(a) && !enStrings.has(a)).sort();

  return { keysChecked, problems, unusedAllowlist };
}
