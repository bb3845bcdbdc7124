import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  importProgress,
  importScenario,
  type Context,
} from '../../src/features/sharing/controller';
import { parseProgressFile, progressFileText } from '../../src/features/sharing/progress-file';
import { parseScenarioFile, scenarioFileText } from '../../src/features/sharing/scenario-file';
import type { Checked, LessonSlug, Progress } from '../../src/contract';
import { fakeContext, progressArb, scenarioArb, stores } from './file-fixtures';
import {
  SCRIPT_PAYLOADS,
  fuzzRuns,
  hostileKeysIn,
  jsonText,
  mutate,
  mutation,
  namesPlace,
  type Mutation,
} from './hostile-values';

// Scenario and progress files as the page's import buttons read them (issue 11): a valid file
// with one place made hostile (a value of the wrong type or size, a number past every range,
// nesting 10,000 deep, a field dropped, a `__proto__` or `constructor` key added) or its text cut
// short is refused naming that place, never with a throw, and nothing on the page changes; text
// that would be script in another context is taken as the text it is.

/** A hostile version of a valid file: its text, and the document that text is. */
function hostile(file: unknown, m: Mutation): { text: string; seen: unknown } {
  const text = jsonText(mutate(file, m));
  return { text, seen: JSON.parse(text) as unknown };
}

/**
 * A refusal names a place in the file; an acceptance reads back exactly what the file holds, and
 * holds no key that no format has (`__proto__`, `constructor`…).
 */
function judged<T>(r: Checked<T>, seen: unknown, strip: (x: unknown) => unknown): boolean {
  if (r.ok) {
    expect(r.value).toEqual(strip(seen));
    expect(hostileKeysIn(seen)).toEqual([]);
    return false;
  }
  expect(namesPlace(r.problem, seen), JSON.stringify(r.problem)).toBe(true);
  return true;
}

/** The progress file's text as it stands, cut somewhere before its end. */
const cut = (text: string, at: number) => text.slice(0, at % text.trimEnd().length);

const withoutSchema = (x: unknown): unknown => {
  const { schema: _schema, ...rest } = x as Record<string, unknown>;
  return rest;
};

describe('scenario files under fuzzing', () => {
  it('one hostile place: refused naming it (or read back exactly), and the machine is kept', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, mutation, async (f, m) => {
        const { text, seen } = hostile(f, m);
        const r = parseScenarioFile(text);
        if (!judged(r, seen, (x) => x)) return;
        refused++;
        const { ctx, load } = fakeContext();
        const before = stores();
        expect(await importScenario(ctx, text)).toEqual(r);
        expect(load).not.toHaveBeenCalled();
        expect(stores()).toEqual(before);
      }),
      fuzzRuns(300),
    );
    // Most hostile places break the file: the property is about refusals, not acceptances.
    expect(refused).toBeGreaterThan(200);
  });

  it('a file cut short is refused as a whole, never thrown', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (f, at) => {
        const r = parseScenarioFile(cut(scenarioFileText(f), at));
        expect(r).toMatchObject({ ok: false, problem: { path: '', code: 'not-json' } });
      }),
      fuzzRuns(200),
    );
  });

  it('a name holding markup or script is taken as text', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...SCRIPT_PAYLOADS), (f, name) => {
        const r = parseScenarioFile(scenarioFileText({ ...f, name }));
        expect(r.ok && r.value.name).toBe(name);
      }),
      fuzzRuns(50),
    );
  });
});

/** A fake composition root for a progress import: records whether progress was replaced. */
function progressContext() {
  const replace = vi.fn(() => Promise.resolve());
  return { ctx: { lessons: { replace } } as unknown as Context, replace };
}

describe('progress files under fuzzing', () => {
  it('one hostile place: refused naming it (or read back exactly), and progress is kept', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(progressArb, mutation, async (p, m) => {
        const file = JSON.parse(progressFileText(p)) as unknown;
        const { text, seen } = hostile(file, m);
        const r = parseProgressFile(text);
        if (!judged(r, seen, withoutSchema)) return;
        refused++;
        const { ctx, replace } = progressContext();
        expect(await importProgress(ctx, text)).toEqual(r);
        expect(replace).not.toHaveBeenCalled();
      }),
      fuzzRuns(300),
    );
    expect(refused).toBeGreaterThan(200);
  });

  it('a file cut short is refused as a whole, and progress is kept', async () => {
    await fc.assert(
      fc.asyncProperty(progressArb, fc.nat(), async (p, at) => {
        const text = cut(progressFileText(p), at);
        expect(parseProgressFile(text)).toMatchObject({ ok: false, problem: { code: 'not-json' } });
        const { ctx, replace } = progressContext();
        expect((await importProgress(ctx, text)).ok).toBe(false);
        expect(replace).not.toHaveBeenCalled();
      }),
      fuzzRuns(200),
    );
  });

  it('shell lines holding markup or script in a lesson log are taken as text', () => {
    fc.assert(
      fc.property(progressArb, fc.constantFrom(...SCRIPT_PAYLOADS), (p, line) => {
        const slug = Object.keys(p.lessons)[0] as LessonSlug;
        const entry = p.lessons[slug];
        if (!entry) return;
        const atNs = (entry.log[entry.log.length - 1]?.atNs ?? 0) + 1;
        const log = [...entry.log, { atNs, input: { type: 'shell.line' as const, line } }];
        const withLine: Progress = { ...p, lessons: { ...p.lessons, [slug]: { ...entry, log } } };
        const r = parseProgressFile(progressFileText(withLine));
        expect(r.ok && r.value.lessons[slug]?.log.at(-1)?.input).toEqual({
          type: 'shell.line',
          line,
        });
      }),
      fuzzRuns(50),
    );
  });
});
