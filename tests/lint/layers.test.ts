// Proves the layer rules in eslint.config.js bite. Each file in tests/lint-fixtures/ starts with
//   // @lint-as: <pretend path, e.g. src/sim/__fixture__.ts>
//   // @expect: <rule id> (one line per rule) | none
// and is linted as if it lived at that path. A forbidden fixture must produce errors from exactly
// the expected rules; an allowed one (`none`) must produce no message at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureDir = path.join(root, 'tests/lint-fixtures');

interface Fixture {
  file: string;
  code: string;
  lintAs: string;
  expected: string[];
}

function readFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .sort()
    .map((file) => {
      const code = readFileSync(path.join(fixtureDir, file), 'utf8');
      const lintAs = /^\/\/ @lint-as: (\S+)$/m.exec(code)?.[1];
      const expects = [...code.matchAll(/^\/\/ @expect: (\S+)$/gm)].map((m) => m[1] ?? '');
      if (!lintAs || expects.length === 0) {
        throw new Error(`${file}: needs a "// @lint-as: <path>" and an "// @expect: <rule>" line`);
      }
      const expected = expects.includes('none') ? [] : [...new Set(expects)].sort();
      return { file, code, lintAs, expected };
    });
}

const fixtures = readFixtures();
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

describe('layer rules (eslint.config.js)', () => {
  it('has the required fixtures', () => {
    const names = fixtures.map((f) => f.file);
    for (const required of [
      'sim-imports-ui.ts',
      'ui-imports-worker-runtime.tsx',
      'ui-imports-sim-runtime.tsx',
      'sim-math-random.ts',
      'ui-imports-sim-type.tsx',
      'app-imports-sim-runtime.ts',
      'sim-host-imports-worker.ts',
      'contract-imports-sim.ts',
      'sim-imports-worker.ts',
    ]) {
      expect(names).toContain(required);
    }
    expect(fixtures.filter((f) => f.expected.length === 0).length).toBeGreaterThan(0);
  });

  it('keeps the fixtures out of the main lint run', async () => {
    for (const f of fixtures) {
      expect(await eslint.isPathIgnored(path.join(fixtureDir, f.file))).toBe(true);
    }
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    const [result] = await eslint.lintText(f.code, { filePath: path.join(root, f.lintAs) });
    expect(result, 'ESLint returned no result').toBeDefined();
    const messages = result?.messages ?? [];
    const describeAll = messages.map(
      (m) => `${m.line}:${m.column} ${m.ruleId ?? '-'} ${m.message}`,
    );
    // A message without a ruleId is a parse error or an "ignored file" warning: never expected.
    expect(
      messages.filter((m) => m.ruleId === null),
      describeAll.join('\n'),
    ).toEqual([]);
    const errorRules = [
      ...new Set(messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '')),
    ].sort();
    expect(errorRules, describeAll.join('\n')).toEqual(f.expected);
    if (f.expected.length === 0) expect(messages, describeAll.join('\n')).toEqual([]);
  });
});
