import type { Lang } from './index';

/**
 * Lesson text and the glossary load on demand, one JSON file per lesson and language
 * (`src/i18n/<lang>/lessons/<slug>.json`, `src/i18n/<lang>/glossary.json`), so the main bundle
 * carries none of it. Keys come from `src/content/keys.ts`.
 */
type Texts = Readonly<Record<string, string>>;

const files = import.meta.glob<Texts>(['./en/lessons/*.json', './es/lessons/*.json'], {
  import: 'default',
});
const glossaries = import.meta.glob<Texts>(['./en/glossary.json', './es/glossary.json'], {
  import: 'default',
});

const loaded = new Map<string, Texts>();

const lessonPath = (lang: Lang, slug: string) => `./${lang}/lessons/${slug}.json`;
const glossaryPath = (lang: Lang) => `./${lang}/glossary.json`;

async function load(table: typeof files, path: string): Promise<Texts> {
  const hit = loaded.get(path);
  if (hit) return hit;
  const loader = table[path];
  if (!loader) throw new Error(`no text file ${path}`);
  const texts = await loader();
  loaded.set(path, texts);
  return texts;
}

/** Load a lesson's text (and English, the fallback) and the glossary in that language. */
export async function loadLessonText(lang: Lang, slug: string): Promise<void> {
  await Promise.all([
    load(files, lessonPath('en', slug)),
    load(files, lessonPath(lang, slug)),
    load(glossaries, glossaryPath('en')),
    load(glossaries, glossaryPath(lang)),
  ]);
}

export function hasLessonText(lang: Lang, slug: string): boolean {
  return loaded.has(lessonPath(lang, slug)) && loaded.has(glossaryPath(lang));
}

/**
 * A lesson or glossary string, with `{placeholders}` filled; English while the language loads;
 * the key itself (never an empty string) if neither has it, so a gap is visible, not silent.
 */
export function lessonText(
  lang: Lang,
  slug: string | null,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const tables = key.startsWith('glossary.')
    ? [loaded.get(glossaryPath(lang)), loaded.get(glossaryPath('en'))]
    : slug
      ? [loaded.get(lessonPath(lang, slug)), loaded.get(lessonPath('en', slug))]
      : [];
  const text = tables.find((t) => t?.[key] !== undefined)?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Whether a key exists (optional texts: a step's card, its uncertainty note). */
export function hasText(lang: Lang, slug: string, key: string): boolean {
  return loaded.get(lessonPath(lang, slug))?.[key] !== undefined;
}
