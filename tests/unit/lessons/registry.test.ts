import { describe, expect, it } from 'vitest';
import { byRegistry, LESSON_SLUGS, type LessonSlug } from '../../../src/contract';
import { CONTENT, LESSON_ORDER } from '../../../src/content';
import { LESSON_TEXT_FILES, lessonTextPath } from '../../../src/i18n/lesson-text-files';
import { LESSONS } from '../../../src/lessons';

const [first, second, third] = LESSON_SLUGS;
const half = (slug: string) => ({ slug, n: slug.length });

describe('byRegistry: one side’s halves, ordered and checked by the registry', () => {
  const registry = [first, second, third] as LessonSlug[];

  it('orders the halves as the registry does, whatever the catalog’s order', () => {
    const map = byRegistry(registry, [half(third), half(first), half(second)], 'cat.ts');
    expect(Object.keys(map)).toEqual(registry);
    expect(map[second]).toEqual(half(second));
  });

  it('names a registered lesson the catalog lacks, and the catalog to fix', () => {
    expect(() => byRegistry(registry, [half(first), half(third)], 'src/x/catalog.ts')).toThrow(
      `lesson '${second}' is registered in src/contract/lessons.ts but src/x/catalog.ts does not list it`,
    );
  });

  it('refuses a half listed twice, or one no lesson registers', () => {
    const twice = [half(first), half(second), half(third), half(second)];
    expect(() => byRegistry(registry, twice, 'cat.ts')).toThrow(
      `cat.ts lists lesson '${second}' twice`,
    );
    expect(() => byRegistry(registry, [...registry.map(half), half('stray')], 'cat.ts')).toThrow(
      "cat.ts lists lesson 'stray', which src/contract/lessons.ts does not register",
    );
  });
});

describe('the registry (src/contract/lessons.ts)', () => {
  it('names each lesson once, in a form fit for file names, links and text keys', () => {
    expect(new Set(LESSON_SLUGS).size).toBe(LESSON_SLUGS.length);
    for (const slug of LESSON_SLUGS) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is the order of both sides: the worker’s logic and the page’s content', () => {
    expect(LESSON_ORDER).toEqual(LESSON_SLUGS);
    expect(Object.keys(LESSONS)).toEqual(LESSON_SLUGS);
    expect(Object.keys(CONTENT)).toEqual(LESSON_SLUGS);
    for (const slug of LESSON_SLUGS) {
      expect(LESSONS[slug].slug).toBe(slug);
      expect(CONTENT[slug].slug).toBe(slug);
    }
  });

  it('has text for every lesson in both languages, and no text for a lesson it lacks', () => {
    for (const lang of ['en', 'es']) {
      const files = Object.keys(LESSON_TEXT_FILES).filter((p) => p.startsWith(`./${lang}/`));
      const want = LESSON_SLUGS.map((slug) => lessonTextPath(lang, slug));
      expect(
        want.filter((p) => !files.includes(p)),
        `${lang}: missing text`,
      ).toEqual([]);
      expect(
        files.filter((p) => !want.includes(p)),
        `${lang}: text of no lesson`,
      ).toEqual([]);
    }
  });
});
