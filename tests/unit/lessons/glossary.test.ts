import { describe, expect, it } from 'vitest';
import { GLOSSARY_FILES, glossaryPath } from '../../../src/i18n/lesson-text-files';
import { GLOSSARY_IDS } from '../../../src/ui/lessons/glossary-ids';

describe('the glossary', () => {
  it.each(['en', 'es'])(
    'lists in its dialog exactly the %s entries, each with a term and a definition',
    async (lang) => {
      const load = GLOSSARY_FILES[glossaryPath(lang)];
      if (!load) throw new Error(`no glossary for ${lang}`);
      const entries = await load();
      const ids = [...new Set(Object.keys(entries).map((k) => k.split('.')[1] ?? ''))];
      // A term added to glossary.json but not to src/ui/lessons/glossary-ids.ts would link from
      // lesson text yet never show in the glossary dialog.
      expect([...ids].sort()).toEqual([...GLOSSARY_IDS].sort());
      for (const id of GLOSSARY_IDS) {
        expect(entries[`glossary.${id}.term`], `${id}.term`).toBeTruthy();
        expect(entries[`glossary.${id}.def`], `${id}.def`).toBeTruthy();
      }
      expect(Object.keys(entries)).toHaveLength(2 * GLOSSARY_IDS.length);
    },
  );
});
