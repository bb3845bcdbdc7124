import { describe, expect, it } from 'vitest';
import { LESSON_BOUNDS } from '../../../src/app/lesson-bounds';
import { PROGRESS_STORE_VERSION, type Progress } from '../../../src/contract';
import {
  asideFileText,
  hasAside,
  LEGACY_KEY,
  readStore,
  recordKey,
  setAside,
} from '../../../src/store/progress';
import { recordOf } from '../../../src/store/progress-sync';
import { entry, FakeStorage } from './fake-storage';

// How progress is read from localStorage (issue 11, F7): the old one-object layout (version 1)
// still reads and is moved into per-lesson records; what cannot be read is set aside, never lost.

const SLUG = 'crash-containment';

/** Progress as version 1 of the lab kept it in localStorage, one object under `mklab.progress`. */
const V1: Progress = {
  v: 1,
  current: SLUG,
  lessons: { [SLUG]: entry(2, 7) },
  finished: ['roots'],
  reached: { [SLUG]: 2, roots: 3 },
};

const asideTexts = (st: Storage) =>
  (JSON.parse(asideFileText(st)) as { items: { text: string }[] }).items.map((i) => i.text);

describe('progress in localStorage', () => {
  it('reads a version 1 object and moves it into records, which read back the same', async () => {
    const st = new FakeStorage();
    st.setItem(LEGACY_KEY, JSON.stringify(V1));
    const first = await readStore(LESSON_BOUNDS, st);
    expect(first.setAside).toBe(false);
    expect(first.lessons[SLUG]?.record).toMatchObject({
      v: PROGRESS_STORE_VERSION,
      entry: V1.lessons[SLUG],
      finished: false,
      reached: 2,
    });
    expect(first.lessons.roots?.record).toMatchObject({ entry: null, finished: true, reached: 3 });
    expect(st.getItem(LEGACY_KEY)).toBeNull();
    // The records are what a later visit reads.
    const again = await readStore(LESSON_BOUNDS, st);
    expect(again.lessons[SLUG]?.record).toEqual(first.lessons[SLUG]?.record);
    expect(again.lessons.roots?.text).toBe(st.getItem(recordKey('roots')));
    expect(hasAside(st)).toBe(false);
  });

  it('a lesson that already has a record keeps it over a version 1 object', async () => {
    const st = new FakeStorage();
    const mine = recordOf(4, 'tab', { entry: entry(1, 9), finished: false, reached: 1 });
    st.setItem(recordKey(SLUG), JSON.stringify(mine));
    st.setItem(LEGACY_KEY, JSON.stringify(V1));
    const r = await readStore(LESSON_BOUNDS, st);
    expect(r.lessons[SLUG]?.record).toEqual(mine);
    expect(r.lessons.roots?.record.finished).toBe(true);
  });

  it('sets aside a newer version, damaged text, or a bad record, and says so', async () => {
    const newer = JSON.stringify({ v: 99, lessons: { [SLUG]: { step: 5 } } });
    const badRecord = JSON.stringify({
      ...recordOf(1, 'x', { entry: null, finished: false, reached: 1 }),
      v: 3,
    });
    const st = new FakeStorage();
    st.setItem(LEGACY_KEY, newer);
    st.setItem(recordKey('roots'), badRecord);
    st.setItem(recordKey(SLUG), '{"v":2,');
    const r = await readStore(LESSON_BOUNDS, st);
    expect(r.setAside).toBe(true);
    expect(r.lessons).toEqual({});
    expect(asideTexts(st).sort()).toEqual([newer, badRecord, '{"v":2,'].sort());
    for (const key of [LEGACY_KEY, recordKey('roots'), recordKey(SLUG)])
      expect(st.getItem(key)).toBeNull();
    // Set aside once: reading again finds nothing new, and the copies stay.
    const again = await readStore(LESSON_BOUNDS, st);
    expect(again.setAside).toBe(false);
    expect(asideTexts(st)).toHaveLength(3);
  });

  it('names the first bad field of a record it sets aside', async () => {
    const good = recordOf(1, 'x', { entry: entry(2, 3), finished: false, reached: 2 });
    const st = new FakeStorage();
    st.setItem(recordKey(SLUG), JSON.stringify({ ...good, finished: 'yes' }));
    const r = await readStore(LESSON_BOUNDS, st);
    expect(r.setAside).toBe(true);
    expect(r.asideField).toBe(`${recordKey(SLUG)}: finished`);
  });

  it('a version 1 object with one broken lesson: the rest moves, the whole text is kept aside', async () => {
    const broken = { ...V1, lessons: { ...V1.lessons, roots: { step: 999 } } };
    const st = new FakeStorage();
    st.setItem(LEGACY_KEY, JSON.stringify(broken));
    const r = await readStore(LESSON_BOUNDS, st);
    expect(r.setAside).toBe(true);
    expect(r.lessons[SLUG]?.record.entry).toEqual(V1.lessons[SLUG]);
    expect(asideTexts(st)).toEqual([JSON.stringify(broken)]);
  });

  it('when full storage cannot keep a copy, the original is left where it was', async () => {
    const newer = JSON.stringify({ v: 99, pad: 'x'.repeat(100) });
    const st = new FakeStorage(LEGACY_KEY.length + newer.length + 10);
    st.setItem(LEGACY_KEY, newer);
    const r = await readStore(LESSON_BOUNDS, st);
    expect(r.setAside).toBe(true);
    expect(st.getItem(LEGACY_KEY)).toBe(newer);
    expect(setAside(newer, LEGACY_KEY, st)).toBe(false);
  });

  it('nothing saved: nothing read, nothing written', async () => {
    const st = new FakeStorage();
    expect(await readStore(LESSON_BOUNDS, st)).toEqual({ lessons: {}, setAside: false });
    expect(st.length).toBe(0);
  });
});
