import type { Lang } from './index';
import { formatMessage } from './plural';
import {
  GLOSSARY_FILES,
  glossaryPath,
  LESSON_TEXT_FILES,
  lessonTextPath as lessonPath,
  type Texts,
} from './lesson-text-files';

/**
 * Lesson text and the glossary load on demand, one JSON file per lesson and language
 * (`src/i18n/<lang>/lessons/<slug>.json`, `src/i18n/<lang>/glossary.json`), so the main bundle
 * carries none of it. Keys come from `src/content/keys.ts`. This map holds the files loaded so far.
 */
const loaded = new Map<string, Texts>();

async function load(table: typeof LESSON_TEXT_FILES, path: string): Promise<Texts> {
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
    load(LESSON_TEXT_FILES, lessonPath('en', slug)),
    load(LESSON_TEXT_FILES, lessonPath(lang, slug)),
    load(GLOSSARY_FILES, glossaryPath('en')),
    load(GLOSSARY_FILES, glossaryPath(lang)),
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
  const found = tables.findIndex((t) => t?.[key] !== undefined);
  const text = found < 0 ? key : (tables[found]?.[key] ?? key);
  // The second table is English, the fallback: its plurals follow English rules.
  return formatMessage(found === 1 ? 'en' : lang, text, params);
}
