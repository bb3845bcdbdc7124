import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSON_BOUNDS } from '../../src/app/lesson-bounds';
import { LESSON_ORDER } from '../../src/content';
import type { LessonSlug } from '../../src/contract';
import { readStoredLesson, readStoredProgress } from '../../src/contract/validate/progress';
import { asideFileText, LEGACY_KEY, readStore, recordKey } from '../../src/store/progress';
import { recordOf } from '../../src/store/progress-sync';
import { FakeStorage } from '../unit/progress/fake-storage';
import { lessonArb, progressArb } from './file-fixtures';
import { fuzzRuns, hostileString, jsonText, mutate, mutation } from './hostile-values';

// localStorage as the page reads it on opening (issue 11): any value under a lesson's key or the
// old single key — a record with one place made hostile, its text cut short, or no JSON at all —
// is read without a throw; what cannot be read is set aside with its text unchanged (the learner
// can download it), what can be read comes back exactly, and nothing else in storage moves.

/** A lesson's valid record, as the page writes it. */
const recordArb = (slug: LessonSlug) =>
  fc
    .record({
      rev: fc.integer({ min: 1, max: 2 ** 40 }),
      entry: fc.option(lessonArb(slug), { nil: null }),
      finished: fc.boolean(),
    })
    .map((g) => recordOf(g.rev, 'tab-1', { entry: g.entry, finished: g.finished, reached: null }));

/** What a damaged value may be: a record with one hostile place, cut short, or anything. */
const damage = (valid: unknown) =>
  fc.oneof(
    mutation.map((m) => jsonText(mutate(valid, m))),
    fc.nat().map((at) => JSON.stringify(valid).slice(0, at % JSON.stringify(valid).length)),
    hostileString,
  );

const slugs = fc.shuffledSubarray([...LESSON_ORDER], { minLength: 2, maxLength: 4 });

const storageArb = slugs.chain(([hit, ...kept]) =>
  fc.record({
    hit: fc.constant(hit as LessonSlug),
    kept: fc.tuple(...kept.map((s) => recordArb(s).map((r) => [s, JSON.stringify(r)] as const))),
    text: recordArb(hit as LessonSlug).chain(damage),
  }),
);

const asideTexts = (st: Storage) =>
  (JSON.parse(asideFileText(st)) as { items: { text: string }[] }).items.map((i) => i.text);

describe('saved progress under fuzzing', () => {
  it('a damaged record is set aside unchanged; the others are read exactly, nothing else moves', async () => {
    let asideCount = 0;
    await fc.assert(
      fc.asyncProperty(storageArb, async ({ hit, kept, text }) => {
        const st = new FakeStorage();
        for (const [slug, t] of kept) st.setItem(recordKey(slug), t);
        st.setItem(recordKey(hit), text);
        st.setItem('other.app', text);
        let readable = false;
        try {
          readable = readStoredLesson(JSON.parse(text), hit, LESSON_BOUNDS) !== null;
        } catch {
          // Not JSON: not readable.
        }
        const r = await readStore(LESSON_BOUNDS, st);
        for (const [slug, t] of kept) {
          expect(r.lessons[slug]?.text).toBe(t);
          expect(st.getItem(recordKey(slug))).toBe(t);
        }
        expect(st.getItem('other.app')).toBe(text);
        expect(r.setAside).toBe(!readable);
        if (readable) {
          expect(r.lessons[hit]?.text).toBe(text);
        } else {
          asideCount++;
          expect(r.lessons[hit]).toBeUndefined();
          expect(asideTexts(st)).toEqual([text]);
        }
      }),
      fuzzRuns(250),
    );
    expect(asideCount).toBeGreaterThan(150);
  });

  it('a damaged version 1 object keeps what it can and sets its text aside unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(progressArb.chain(damage), async (text) => {
        const st = new FakeStorage();
        st.setItem(LEGACY_KEY, text);
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          data = undefined;
        }
        const { progress, ignored } = readStoredProgress(data, LESSON_BOUNDS);
        const r = await readStore(LESSON_BOUNDS, st);
        expect(r.setAside).toBe(ignored);
        if (ignored) expect(asideTexts(st)).toEqual([text]);
        for (const slug of Object.keys(progress.lessons) as LessonSlug[])
          expect(r.lessons[slug]?.record.entry).toEqual(progress.lessons[slug]);
      }),
      fuzzRuns(200),
    );
  });
});
