// npm run test:i18n — checks the Spanish catalog against the English one (rules in i18n-rules.ts).
// A catalog is a JSON file, or a folder of JSON files (one per area of the app) merged into one.
// Usage: tsx scripts/check-i18n.ts [en es [same-in-both.json]]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkI18n, type Catalog } from './i18n-rules';

const [enPath = 'src/i18n/en', esPath = 'src/i18n/es', allowPath] = process.argv.slice(2);
const sameInBothPath = allowPath ?? path.join(path.dirname(enPath), 'same-in-both.json');

function fail(message: string): never {
  console.error(`check-i18n: ${message}`);
  process.exit(1);
}

function readJson(file: string): unknown {
  if (!existsSync(file)) fail(`${file} does not exist`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    fail(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

function readCatalog(file: string): Catalog {
  if (existsSync(file) && statSync(file).isDirectory()) {
    const merged: Record<string, unknown> = {};
    // Subfolders too: lesson text lives in <lang>/lessons/<slug>.json.
    for (const name of readdirSync(file)
      .filter((n) => n.endsWith('.json') || statSync(path.join(file, n)).isDirectory())
      .sort()) {
      for (const [k, v] of Object.entries(readCatalog(path.join(file, name)))) {
        if (k in merged) fail(`${path.join(file, name)}: key "${k}" is also in another file`);
        merged[k] = v;
      }
    }
    return merged;
  }
  const data = readJson(file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(`${file} must be a flat JSON object (key → string)`);
  }
  return data as Catalog;
}

function readAllowlist(file: string): string[] {
  if (!existsSync(file)) return [];
  const data = readJson(file);
  if (!Array.isArray(data) || !data.every((x) => typeof x === 'string')) {
    fail(
      `${file} must be a JSON array of strings (keys or strings that read the same in en and es)`,
    );
  }
  return data as string[];
}

const en = readCatalog(enPath);
const es = readCatalog(esPath);
const sameInBoth = readAllowlist(sameInBothPath);
const { keysChecked, problems, unusedAllowlist } = checkI18n(en, es, sameInBoth);

for (const p of problems) console.error(`  ✗ [${p.rule}] ${p.message}`);
for (const a of unusedAllowlist) {
  console.warn(`  ! ${sameInBothPath}: "${a}" matches no key and no English string (stale?)`);
}
const summary = `check-i18n: ${keysChecked} keys checked (${enPath}, ${esPath}), ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
if (problems.length) {
  console.error(summary);
  process.exit(1);
}
console.log(summary);
