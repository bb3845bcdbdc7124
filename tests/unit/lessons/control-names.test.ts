import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS } from '../../../src/contract';
import { CONTENT } from '../../../src/content';
import { SURFACES, lacking } from '../../../src/content/controls';
import { named, placed, type Lang } from './control-words';

// Issue 12: lesson text names controls only as its step declares them (`uses` for the task and
// hints, `sees` for what to look at), so each surface can tell whether it holds them; and it
// never places them ("the bottom panel", "on the left"), which is true of one surface only.

const text = (lang: Lang, slug: string): Record<string, string> =>
  JSON.parse(readFileSync(`src/i18n/${lang}/lessons/${slug}.json`, 'utf8')) as Record<
    string,
    string
  >;

/** Each step's parts: the task and hints (used), what to look at (seen). */
function parts(d: Record<string, string>, slug: string, n: number) {
  const used = Object.entries(d)
    .filter(([k]) => new RegExp(`^${slug}\\.s${n}\\.(task|h\\d+)$`).test(k))
    .map(([, v]) => v);
  return { used, seen: [d[`${slug}.s${n}.observe`] ?? ''] };
}

describe.each(LESSON_SLUGS)('lesson %s', (slug) => {
  it.each(['en', 'es'] as const)(
    '(%s) names only the controls each step declares, nowhere placed',
    (lang) => {
      const d = text(lang, slug);
      const wrong: string[] = [];
      CONTENT[slug].steps.forEach((step, i) => {
        const { used, seen } = parts(d, slug, i + 1);
        for (const [what, texts, declared] of [
          ['uses', used, step.uses ?? []],
          ['sees', seen, step.sees ?? []],
        ] as const) {
          for (const t of texts) {
            for (const c of named(lang, t))
              if (!declared.includes(c)) wrong.push(`s${i + 1} names ${c}, not in ${what}: ${t}`);
            const where = placed(lang, t);
            if (where) wrong.push(`s${i + 1} places a control ("${where}"): ${t}`);
          }
        }
      });
      expect(wrong).toEqual([]);
    },
  );
});

describe('the rules can fail', () => {
  it('a step that types in the shell, undeclared, or says where the shell is, is caught', () => {
    expect(named('en', 'Type `kerf start db`.')).toEqual(['shell']);
    expect(named('es', 'Abre «Fallos» → «Pánico».')).toEqual(['sandbox']);
    expect(placed('en', 'The shell is the bottom panel.')).toBe('bottom panel');
    expect(placed('es', 'El gemelo es el panel de la izquierda.')).toBe('de la izquierda');
    expect(placed('en', 'Open this step’s card.')).toBeNull();
  });

  it('the app holds every control; an embed without controls lacks the shell', () => {
    expect(lacking('app', ['shell', 'sandbox', 'card'])).toEqual([]);
    expect(lacking('embed-none', ['shell', 'twin-button'])).toEqual(['shell']);
    expect(SURFACES).toContain('embed-minimal');
  });
});
