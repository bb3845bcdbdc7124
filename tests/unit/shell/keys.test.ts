import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import core from '../../../src/i18n/en/core.json';
import en from '../../../src/i18n/en/shell.json';
import es from '../../../src/i18n/es/shell.json';
import { KERF_VERB_NAMES } from '../../../src/shell';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const keys = new Set([...Object.keys(en), ...Object.keys(core)]);
/** 'shell.line' is the engine input's type, not a message. */
const NOT_KEYS = new Set(['shell.line']);

/** Every 'shell.…' string literal in a folder's sources. */
function literals(dir: string): string[] {
  const found: string[] = [];
  for (const f of readdirSync(path.join(ROOT, dir))) {
    if (!/\.tsx?$/.test(f)) continue;
    const src = readFileSync(path.join(ROOT, dir, f), 'utf8');
    for (const m of src.matchAll(/'(shell\.[A-Za-z0-9.]+)'/g)) {
      if (!NOT_KEYS.has(m[1] as string)) found.push(m[1] as string);
    }
  }
  return [...new Set(found)];
}

describe('message keys of the shell and its panel', () => {
  it('every key the shell can emit is in the English catalog (and so in the Spanish one)', () => {
    const used = [
      ...literals('src/shell'),
      ...KERF_VERB_NAMES.map((v) => `shell.help.kerf.${v}`),
      'shell.mklab.panic',
      'shell.mklab.lockup',
    ];
    expect(used.length).toBeGreaterThan(40);
    for (const k of used) expect(keys.has(k), k).toBe(true);
  });

  it('every key the panel uses is in the catalog', () => {
    for (const k of literals('src/ui/shell')) expect(keys.has(k), k).toBe(true);
  });

  it('English and Spanish have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });
});
