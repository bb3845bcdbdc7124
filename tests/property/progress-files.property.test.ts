import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LESSON_BOUNDS } from '../../src/app/lesson-bounds';
import { importProgress, type Context } from '../../src/features/sharing/controller';
import { parseProgressFile, progressFileText } from '../../src/features/sharing/progress-file';
import { CONTENT, LESSON_ORDER } from '../../src/content';
import {
  MAX_PROGRESS_CHARS,
  type LessonProgress,
  type LessonSlug,
  type Progress,
} from '../../src/contract';
import { readStoredProgress } from '../../src/contract/validate/progress';
import { progressArb } from './file-fixtures';

// Progress (issue 6 item 7): valid generated files are accepted and read back exactly; one
// mutated field is refused with a message naming that field, and nothing changes. The same
// checks read localStorage, where a broken lesson is dropped (with a notice) and the rest kept.

const RUNS = { numRuns: 150 };

/** One field broken, and the path the message must name. */
type Mutation = { readonly file: unknown; readonly path: string; readonly code: string };

function progressMutations(p: Progress): Mutation[] {
  const file = JSON.parse(progressFileText(p)) as Record<string, unknown>;
  const slug = Object.keys(p.lessons)[0] as LessonSlug;
  const entry = p.lessons[slug] as LessonProgress;
  const steps = CONTENT[slug].steps.length;
  const missing = LESSON_ORDER.find((s) => !(s in p.lessons));
  const withEntry = (e: Record<string, unknown>) => ({
    ...file,
    lessons: { ...p.lessons, [slug]: { ...entry, ...e } },
  });
  const out: Mutation[] = [
    { file: { ...file, v: 99 }, path: 'v', code: 'version' },
    { file: withEntry({ step: steps }), path: `lessons.${slug}.step`, code: 'range' },
    { file: withEntry({ seed: 1.5 }), path: `lessons.${slug}.seed`, code: 'not-int' },
    {
      file: withEntry({ predictions: { [steps]: 1 } }),
      path: `lessons.${slug}.predictions.${steps}`,
      code: 'range',
    },
    {
      file: { ...file, lessons: { ...p.lessons, 'no-such-lesson': entry } },
      path: 'lessons.no-such-lesson',
      code: 'not-one-of',
    },
    {
      file: { ...file, finished: [slug, slug] },
      path: 'finished[1]',
      code: 'duplicate',
    },
    { file: { ...file, reached: { [slug]: steps } }, path: `reached.${slug}`, code: 'range' },
    {
      file: withEntry({
        log: [
          { atNs: 5, input: { type: 'lesson.step', step: 0 } },
          { atNs: 4, input: { type: 'lesson.step', step: 0 } },
        ],
      }),
      path: `lessons.${slug}.log[1].atNs`,
      code: 'order',
    },
    { file: { ...file, extra: true }, path: 'extra', code: 'unknown-field' },
    { file: { ...file, pad: 'x'.repeat(MAX_PROGRESS_CHARS) }, path: '', code: 'too-big' },
  ];
  if (missing)
    out.push({ file: { ...file, current: missing }, path: `lessons.${missing}`, code: 'missing' });
  return out;
}

describe('progress files (property)', () => {
  it('valid generated files are accepted and read back exactly', () => {
    fc.assert(
      fc.property(progressArb, (p) => {
        const text = progressFileText(p);
        const r = parseProgressFile(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual(p);
        expect(progressFileText(r.value)).toBe(text);
      }),
      RUNS,
    );
  });

  it('one mutated field is refused, naming that field, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(progressArb, fc.nat(), async (p, pick) => {
        const all = progressMutations(p);
        const m = all[pick % all.length] as Mutation;
        const text = JSON.stringify(m.file);
        const r = parseProgressFile(text);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect({ path: r.problem.path, code: r.problem.code }).toEqual({
          path: m.path,
          code: m.code,
        });
        const replace = vi.fn();
        const ctx = { lessons: { replace } } as unknown as Context;
        const result = await importProgress(ctx, text);
        expect(result.ok).toBe(false);
        expect(replace).not.toHaveBeenCalled();
      }),
      RUNS,
    );
  });
});

describe('progress in localStorage (property)', () => {
  it('valid progress reads back as it was, with nothing ignored', () => {
    fc.assert(
      fc.property(progressArb, (p) => {
        const stored = JSON.parse(JSON.stringify(p)) as unknown;
        const r = readStoredProgress(stored, LESSON_BOUNDS);
        expect(r.ignored).toBe(false);
        expect(r.progress).toEqual(p);
      }),
      RUNS,
    );
  });

  it('a lesson with one field wrong is dropped with a notice; the others are kept', () => {
    fc.assert(
      fc.property(progressArb, (p) => {
        const [slug, ...others] = Object.keys(p.lessons) as LessonSlug[];
        const steps = CONTENT[slug as LessonSlug].steps.length;
        const broken = { ...p.lessons[slug as LessonSlug], step: steps };
        const stored = { ...p, lessons: { ...p.lessons, [slug as LessonSlug]: broken } };
        const r = readStoredProgress(JSON.parse(JSON.stringify(stored)), LESSON_BOUNDS);
        expect(r.ignored).toBe(true);
        expect(Object.keys(r.progress.lessons).sort()).toEqual([...others].sort());
        expect(r.progress.current === slug).toBe(false);
        expect(r.progress.finished).toEqual(p.finished);
      }),
      RUNS,
    );
  });

  it('anything but a progress object is ignored whole, never thrown', () => {
    for (const bad of [null, [], 'x', 1, { v: 2, lessons: {} }, { v: 1, lessons: [] }])
      expect(readStoredProgress(bad, LESSON_BOUNDS)).toMatchObject({
        ignored: true,
        progress: { lessons: {}, finished: [] },
      });
  });
});
