import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluralProblems } from '../../scripts/i18n-rules';
import { formatMessage, neededForms } from '../../src/i18n/plural';

type Lang = 'en' | 'es';

function catalog(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, catalog(p));
    else if (name.endsWith('.json')) Object.assign(out, JSON.parse(readFileSync(p, 'utf8')));
  }
  return out;
}

// The counted nouns (and adjectives) of the catalogs: singular → plural. A number followed by
// one must take the form its plural category asks for.
const WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: Object.fromEntries(
    'input byte IPI CPU message mark frame character item line student question one event entry'
      .split(' ')
      .map((w) => [w, w === 'entry' ? 'entries' : `${w}s`]),
  ),
  es: {
    ...Object.fromEntries(
      'entrada byte mensaje marca fotograma elemento línea estudiante pregunta correcta respondida lanzado antiguo rechazado conectado evento corrompido'
        .split(' ')
        .map((w) => [w, `${w}s`]),
    ),
    carácter: 'caracteres',
    libre: 'libres',
  },
};
/** Words that may stand between the number and what it counts («# CPU libres», "# free CPUs"). */
const BETWEEN: Readonly<Record<Lang, readonly string[]>> = {
  en: ['free', 'later', 'bare', 'earlier', 'older', 'IPI'],
  es: ['CPU', 'IPI', 'más'],
};

/** Each counted word after the marked number «⟦n⟧» that has the wrong form for n. */
export function wrongForms(lang: Lang, text: string): string[] {
  const singular = WORDS[lang];
  const plural = new Map(Object.entries(singular).map(([s, p]) => [p, s]));
  const out: string[] = [];
  for (const m of text.matchAll(/⟦(\d+)⟧((?:\s+[^\s.,;:()·]+){1,2})/gu)) {
    const n = Number(m[1]);
    const words = (m[2] ?? '').trim().split(/\s+/);
    const word = BETWEEN[lang].includes(words[0] ?? '') ? words[1] : words[0];
    if (!word) continue;
    const one = new Intl.PluralRules(lang).select(n) === 'one';
    if (one && plural.has(word)) out.push(`${n} ${word}`);
    if (!one && word in singular && singular[word] !== word) out.push(`${n} ${word}`);
  }
  return out;
}

/**
 * Parameters that are not counts a reader can see at 1: limits that are constants (a ring's 63
 * entries, the longest line, the event budget), a size with its unit («1,5 GiB libres»), a link's
 * length (hundreds of characters).
 */
const NOT_COUNTS = new Set([
  'machine.ring.aria {max}',
  'presenter.audience.refused {max}',
  'share.problem.boot-budget {max}',
  'shell.tooLong {max}',
  'status.stopped.events {events}',
  'machine.pool.free {free}',
  'sandbox.create.mem.hint {free}',
  'sandbox.pool.status {free}',
  'share.qr.caption {length}',
  'share.qr.tooLong {length}',
]);

const PLACEHOLDER = /\{([A-Za-z_]\w*)(?:\}|\s*,\s*plural\s*,)/g;

describe('plural forms (src/i18n/plural.ts)', () => {
  it('chooses the form by Intl.PluralRules, with # as the number the caller passed', () => {
    const s = '{n, plural, one {# línea} other {# líneas}} de {who}';
    expect(formatMessage('es', s, { n: 0, who: 'db' })).toBe('0 líneas de db');
    expect(formatMessage('es', s, { n: 1, who: 'db' })).toBe('1 línea de db');
    expect(formatMessage('es', s, { n: '1.234', who: 'db' })).toBe('1.234 líneas de db');
    expect(formatMessage('en', '{n, plural, one {# IPI} other {# IPIs}}', { n: 1 })).toBe('1 IPI');
    expect(formatMessage('en', 'a {x} b', {})).toBe('a {x} b');
    expect(neededForms('en')).toEqual(['one', 'other']);
    expect(neededForms('es')).toEqual(['one', 'other']);
  });

  it('check-i18n reads each plural as a group and fails one that lacks a form or is malformed', () => {
    expect(pluralProblems('es', '{n, plural, one {# línea} other {# líneas}}')).toEqual([]);
    expect(pluralProblems('es', '{n, plural, other {# líneas}}')).toEqual([
      'plural "n": es needs the form "one"',
    ]);
    expect(pluralProblems('en', '{n, plural, one {# line} few {# lines}}')).toEqual([
      'plural "n": "few" is no plural form of en',
      'plural "n": en needs the form "other"',
    ]);
    expect(pluralProblems('en', '{n, plural, one {# line} other {# lines}')).toHaveLength(1);
  });

  it('the form checker catches "1 messages" and «0 mensaje», and passes the right forms', () => {
    expect(wrongForms('en', '⟦1⟧ messages from CPU 4')).toEqual(['1 messages']);
    expect(wrongForms('en', '⟦1⟧ correct answers')).toEqual([]);
    expect(wrongForms('es', '⟦1⟧ mensajes')).toEqual(['1 mensajes']);
    expect(wrongForms('es', '⟦0⟧ mensaje')).toEqual(['0 mensaje']);
    expect(wrongForms('es', '⟦1⟧ CPU libres')).toEqual(['1 libres']);
    expect(wrongForms('es', '⟦2⟧ CPU libres · ⟦1⟧ correcta')).toEqual([]);
  });

  describe.each(['en', 'es'] as const)('every counted string in %s', (lang) => {
    const texts = catalog(`src/i18n/${lang}`);
    const cases = Object.entries(texts)
      .flatMap(([key, text]) =>
        [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].map(
          (name) => [key, name, text] as const,
        ),
      )
      .filter(([key, name]) => !NOT_COUNTS.has(`${key} {${name}}`));

    it('reads right at 0, 1 and 2', () => {
      const wrong: string[] = [];
      for (const [key, name, text] of cases) {
        for (const n of [0, 1, 2]) {
          const out = formatMessage(lang, text, { [name]: `⟦${n}⟧` });
          for (const w of wrongForms(lang, out)) wrong.push(`${key} {${name}}=${n}: "${w}"`);
        }
      }
      expect(wrong).toEqual([]);
      expect(cases.length).toBeGreaterThan(100);
    });
  });
});
