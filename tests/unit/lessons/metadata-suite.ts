import { describe, expect, it } from 'vitest';
import type { LessonSlug } from '../../../src/contract';
import { CONTENT, lessonKey, type LessonContent } from '../../../src/content';
import { factSection } from '../../../src/content/facts';
import {
  GLOSSARY_FILES,
  glossaryPath,
  LESSON_TEXT_FILES,
  lessonTextPath,
} from '../../../src/i18n/lesson-text-files';
import { LESSONS } from '../../../src/lessons';

type Lang = 'en' | 'es';
const LANGS: readonly Lang[] = ['en', 'es'];

/** A lesson's text as the page loads it (the same table), or a failure that says what to add. */
async function texts(lang: Lang, slug: LessonSlug): Promise<Readonly<Record<string, string>>> {
  const load = LESSON_TEXT_FILES[lessonTextPath(lang, slug)];
  if (!load)
    throw new Error(`lesson '${slug}' has no text: add src/i18n/${lang}/lessons/${slug}.json`);
  return load();
}

async function glossary(lang: Lang): Promise<Readonly<Record<string, string>>> {
  const load = GLOSSARY_FILES[glossaryPath(lang)];
  if (!load) throw new Error(`no glossary for ${lang}`);
  return load();
}

/** Every key the content's shape derives: what the lesson panel will ask for. */
function keysOf(c: LessonContent): string[] {
  const s = c.slug;
  const k = lessonKey;
  const keys = [k.title(s), k.idea(s), k.version(s), k.misconceptions(s)];
  for (let u = 1; u <= c.uncertain; u++) keys.push(k.uncertain(s, u));
  c.steps.forEach((step, i) => {
    const n = i + 1;
    keys.push(k.step.title(s, n), k.step.predict(s, n), k.step.task(s, n));
    keys.push(k.step.observe(s, n), k.step.explain(s, n));
    for (let ch = 1; ch <= step.predict.choices; ch++) keys.push(k.step.choice(s, n, ch));
    for (let h = 1; h <= step.hints; h++) keys.push(k.step.hint(s, n, h));
    for (const g of step.goals) keys.push(k.step.goal(s, n, g));
    if (step.card) keys.push(k.step.cardTitle(s, n), k.step.cardBody(s, n));
    if (step.uncertain) keys.push(k.step.uncertain(s, n));
  });
  c.quiz.forEach((q, i) => {
    keys.push(k.quiz.question(s, i + 1));
    for (let ch = 1; ch <= q.choices; ch++) {
      keys.push(k.quiz.choice(s, i + 1, ch), k.quiz.why(s, i + 1, ch));
    }
  });
  return keys;
}

/**
 * The metadata checks, one block per lesson: versions, sources, uncertainty notes, the content
 * agreeing with the logic, every derived text key in both languages, text marks and glossary
 * links. Run over the registry (tests/unit/lessons/content.test.ts), so a new lesson gets them.
 */
export function describeLessonMetadata(slugs: readonly LessonSlug[]): void {
  describe.each(slugs)('%s', (slug: LessonSlug) => {
    const c = CONTENT[slug];
    const logic = LESSONS[slug];

    it('says which proposal version it models, its sources and its uncertain points', () => {
      expect(c.slug).toBe(slug);
      expect(c.version === null || ['v1', 'v2', 'github'].includes(c.version)).toBe(true);
      expect(c.sources.length).toBeGreaterThan(0);
      for (const ref of [...c.sources, ...c.steps.flatMap((s) => s.sources ?? [])]) {
        expect(factSection(ref), `unknown facts section ${ref}`).toBeDefined();
      }
      // Every outline in CURRICULUM.md lists what is uncertain: each lesson must say it.
      expect(c.uncertain).toBeGreaterThan(0);
    });

    it('has one content step per logic step, with the same goals, and sane answers', () => {
      expect(c.steps).toHaveLength(logic.steps.length);
      c.steps.forEach((step, i) => {
        expect(step.goals).toEqual(logic.steps[i]?.goals.map((g) => g.id));
        expect(step.predict.choices).toBeGreaterThanOrEqual(2);
        if (step.predict.answer !== null) {
          expect(step.predict.answer).toBeGreaterThanOrEqual(1);
          expect(step.predict.answer).toBeLessThanOrEqual(step.predict.choices);
        }
        expect(step.hints).toBeGreaterThanOrEqual(step.goals.length > 0 ? 1 : 0);
        expect(step.highlights.length, `step ${i + 1} highlights nothing`).toBeGreaterThan(0);
        if (step.ui?.kind === 'open-card') expect(step.card).toBe(true);
      });
      expect(c.quiz.length).toBeGreaterThanOrEqual(3);
      expect(c.quiz.length).toBeLessThanOrEqual(5);
      for (const q of c.quiz) {
        expect(q.answer).toBeGreaterThanOrEqual(1);
        expect(q.answer).toBeLessThanOrEqual(q.choices);
      }
    });

    it.each(LANGS)('has every text in %s, and no stray ones', async (lang) => {
      const t = await texts(lang, slug);
      const want = keysOf(c);
      const missing = want.filter((k) => !(t[k] ?? '').trim());
      expect(missing).toEqual([]);
      const extra = Object.keys(t).filter((k) => !want.includes(k));
      expect(extra).toEqual([]);
    });

    it('uses its text marks in pairs (no stray ** or backtick shows up as text)', async () => {
      for (const lang of LANGS) {
        for (const [key, text] of Object.entries(await texts(lang, slug))) {
          const bare = text
            .replace(/\[\[[a-z0-9-]+(\|[^\]]+)?\]\]/g, '')
            .replace(/\*\*[^*]+\*\*/g, '')
            .replace(/`[^`]+`/g, '');
          expect(/[*`]|\[\[|\]\]/.test(bare), `${lang} ${key}: ${text}`).toBe(false);
        }
      }
    });

    it('links only to glossary entries that exist, in both languages', async () => {
      for (const lang of LANGS) {
        const g = await glossary(lang);
        const linked = Object.values(await texts(lang, slug)).flatMap((text) =>
          [...text.matchAll(/\[\[([a-z0-9-]+)\|[^\]]+\]\]/g)].map((m) => m[1] ?? ''),
        );
        for (const id of linked) expect(g[`glossary.${id}.term`], `${lang}: ${id}`).toBeTruthy();
      }
    });
  });
}
