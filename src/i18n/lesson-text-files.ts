/** One lesson's (or the glossary's) text: key → string. Keys come from src/content/keys.ts. */
export type Texts = Readonly<Record<string, string>>;

/**
 * Where lesson text comes from: one JSON file per lesson and language, found by file name
 * (`./<lang>/lessons/<slug>.json`), so a new lesson's text needs no list; and the glossary. Each
 * loads on demand. Kept apart from lesson-text.ts so that a test can add a fixture lesson's files
 * to the table (tests/fixtures/lessons), as it adds the fixture to the registry.
 */
export const LESSON_TEXT_FILES = import.meta.glob<Texts>(
  ['./en/lessons/*.json', './es/lessons/*.json'],
  { import: 'default' },
);
export const GLOSSARY_FILES = import.meta.glob<Texts>(
  ['./en/glossary.json', './es/glossary.json'],
  {
    import: 'default',
  },
);

export const lessonTextPath = (lang: string, slug: string) => `./${lang}/lessons/${slug}.json`;
export const glossaryPath = (lang: string) => `./${lang}/glossary.json`;
