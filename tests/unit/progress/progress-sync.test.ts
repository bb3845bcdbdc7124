import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LessonSlug, StoredLesson } from '../../../src/contract';
import {
  bodyText,
  ProgressSync,
  type LessonBody,
  type RecordIO,
} from '../../../src/store/progress-sync';
import { body } from './fake-storage';

// Saving progress from several tabs of one browser (issue 11, F3): a tab writes a lesson only
// over the record it last saw, so no interleaving of saves loses a tab's work without that tab
// being told (it asks the learner), and with writes seen at once the newest record always wins.

const LESSONS: readonly LessonSlug[] = ['crash-containment', 'roots'];

const parse = (text: string | null): StoredLesson | null =>
  text === null ? null : (JSON.parse(text) as StoredLesson);

describe('ProgressSync', () => {
  it('writes a change, skips the same state, refuses to go over another writer', () => {
    const store = new Map<LessonSlug, string>();
    const io: RecordIO = { get: (s) => store.get(s) ?? null, set: (s, t) => void store.set(s, t) };
    const a = new ProgressSync(io, 'a');
    const b = new ProgressSync(io, 'b');
    expect(a.save('roots', body(1))).toBe('written');
    expect(a.save('roots', body(1))).toBe('same');
    expect(parse(store.get('roots') ?? null)).toMatchObject({ rev: 1, by: 'a' });
    // b never read the record a wrote: it may not write over it…
    expect(b.save('roots', body(0))).toBe('conflict');
    // …until it takes it (the learner chose), and then its write is the next revision.
    b.know('roots', store.get('roots') ?? null, parse(store.get('roots') ?? null));
    expect(b.save('roots', body(0))).toBe('written');
    expect(parse(store.get('roots') ?? null)).toMatchObject({ rev: 2, by: 'b' });
    expect(a.upToDate('roots')).toBe(false);
  });

  it('keeps a refused write and sends it once the browser takes it again', () => {
    const store = new Map<LessonSlug, string>();
    let full = true;
    const io: RecordIO = {
      get: (s) => store.get(s) ?? null,
      set: (s, t) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        store.set(s, t);
      },
    };
    const a = new ProgressSync(io, 'a');
    expect(a.save('roots', body(2))).toBe('failed');
    expect(a.waiting).toBe(true);
    expect(a.flush()).toBe('failed');
    full = false;
    expect(a.flush()).toBe('written');
    expect(a.waiting).toBe(false);
    expect(parse(store.get('roots') ?? null)?.entry?.step).toBe(2);
  });

  it('a baseline is not written; the first change after it is', () => {
    const store = new Map<LessonSlug, string>();
    const io: RecordIO = { get: (s) => store.get(s) ?? null, set: (s, t) => void store.set(s, t) };
    const a = new ProgressSync(io, 'a');
    a.save('roots', body(3));
    a.baseline('roots', body(0));
    expect(a.save('roots', body(0))).toBe('same');
    expect(parse(store.get('roots') ?? null)?.entry?.step).toBe(3);
    expect(a.save('roots', body(0, 1))).toBe('written');
    expect(parse(store.get('roots') ?? null)?.entry?.step).toBe(0);
  });
});

/**
 * A browser's localStorage as Chromium keeps it: each tab reads and writes its own copy, writes
 * reach the shared store in some order, each tab's copy takes the others' writes later (not over
 * a key it is still writing itself), and the `storage` event comes later still.
 */
class Browser {
  readonly store = new Map<string, string>();
  readonly queue: { tab: Tab; key: LessonSlug; text: string }[] = [];
  readonly tabs: Tab[] = [];
  /** Every committed revision of each lesson, in order. */
  readonly revs = new Map<string, number[]>();

  commit(): boolean {
    const w = this.queue.shift();
    if (!w) return false;
    this.store.set(w.key, w.text);
    this.revs.set(w.key, [...(this.revs.get(w.key) ?? []), parse(w.text)?.rev ?? 0]);
    for (const t of this.tabs)
      t.inbox.push(t === w.tab ? { ack: w.key } : { key: w.key, text: w.text });
    return true;
  }

  /** Every write in the store and in every tab's copy (events may still wait). */
  settle(): void {
    for (let busy = true; busy;) {
      busy = this.commit();
      for (const t of this.tabs) while (t.deliver()) busy = true;
    }
  }

  /** …and every event heard. */
  quiesce(): void {
    for (let busy = true; busy;) {
      this.settle();
      busy = false;
      for (const t of this.tabs) while (t.hear()) busy = true;
    }
  }
}

class Tab {
  readonly cache = new Map<string, string>();
  readonly inbox: ({ ack: LessonSlug } | { key: LessonSlug; text: string })[] = [];
  private readonly events: LessonSlug[] = [];
  private readonly unacked = new Map<string, number>();
  readonly sync: ProgressSync;
  /** The lessons this tab changed, with its newest state of each. */
  readonly latest = new Map<LessonSlug, LessonBody>();
  /** Lessons whose writes wait for the learner (another tab wrote them). */
  readonly asking = new Set<LessonSlug>();

  constructor(browser: Browser, id: string) {
    const io: RecordIO = {
      get: (s) => this.cache.get(s) ?? null,
      set: (s, text) => {
        this.cache.set(s, text);
        this.unacked.set(s, (this.unacked.get(s) ?? 0) + 1);
        browser.queue.push({ tab: this, key: s, text });
      },
    };
    this.sync = new ProgressSync(io, id);
    browser.tabs.push(this);
  }

  /** The learner changes a lesson here; the page saves it (unless it is asking about it). */
  edit(slug: LessonSlug, b: LessonBody): void {
    this.latest.set(slug, b);
    if (this.asking.has(slug)) return;
    if (this.sync.save(slug, b) === 'conflict') this.asking.add(slug);
  }

  /** The learner answers "keep this tab's": written over the other tab's record. */
  keepMine(slug: LessonSlug): void {
    const b = this.latest.get(slug);
    if (!this.asking.delete(slug) || !b) return;
    const text = this.cache.get(slug) ?? null;
    this.sync.know(slug, text, parse(text));
    if (this.sync.save(slug, b) === 'conflict') this.asking.add(slug);
  }

  /** Another tab's write reaches this tab's copy; its event is queued. */
  deliver(): boolean {
    const m = this.inbox.shift();
    if (!m) return false;
    if ('ack' in m) {
      this.unacked.set(m.ack, (this.unacked.get(m.ack) ?? 1) - 1);
    } else if ((this.unacked.get(m.key) ?? 0) === 0) {
      this.cache.set(m.key, m.text);
      this.events.push(m.key);
    }
    return true;
  }

  /** The page hears a storage event: a lesson it changed asks; another one is simply taken. */
  hear(): boolean {
    const slug = this.events.shift();
    if (!slug) return false;
    if (this.sync.upToDate(slug)) return true;
    const text = this.cache.get(slug) ?? null;
    if (this.latest.has(slug)) this.asking.add(slug);
    else this.sync.know(slug, text, parse(text));
    return true;
  }
}

type Op =
  | { kind: 'edit'; tab: number; lesson: number }
  | { kind: 'keep'; tab: number; lesson: number }
  | { kind: 'commit' }
  | { kind: 'deliver'; tab: number }
  | { kind: 'hear'; tab: number };

const ops = (tabs: number) =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constantFrom('edit' as const, 'keep' as const),
        tab: fc.nat(tabs - 1),
        lesson: fc.nat(LESSONS.length - 1),
      }),
      fc.constant({ kind: 'commit' as const }),
      fc.record({
        kind: fc.constantFrom('deliver' as const, 'hear' as const),
        tab: fc.nat(tabs - 1),
      }),
    ),
    { maxLength: 60 },
  );

/** Run a script; `settled`: writes reach every tab's copy at once (their events still come late). */
function run(tabs: number, script: readonly Op[], settled: boolean): Browser {
  const browser = new Browser();
  const all = Array.from({ length: tabs }, (_, i) => new Tab(browser, `tab${i}`));
  let n = 0;
  for (const op of script) {
    const slug = 'lesson' in op ? LESSONS[op.lesson]! : LESSONS[0]!;
    if (op.kind === 'edit') all[op.tab]!.edit(slug, body(n % 2, ++n));
    else if (op.kind === 'keep') all[op.tab]!.keepMine(slug);
    else if (op.kind === 'commit') browser.commit();
    else if (op.kind === 'deliver') all[op.tab]!.deliver();
    else all[op.tab]!.hear();
    if (settled) browser.settle();
  }
  browser.quiesce();
  return browser;
}

describe('saves from several tabs (property)', () => {
  it('any interleaving: each tab’s newest state is stored, or that tab is asking', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((t) => fc.tuple(fc.constant(t), ops(t))),
        ([tabs, script]) => {
          const browser = run(tabs, script, false);
          for (const tab of browser.tabs) {
            // Once every write is in and heard, every tab's copy is the store.
            expect(Object.fromEntries(tab.cache)).toEqual(Object.fromEntries(browser.store));
            for (const [slug, b] of tab.latest) {
              const stored = parse(browser.store.get(slug) ?? null);
              const kept = stored !== null && bodyText(stored) === bodyText(b);
              expect(kept || tab.asking.has(slug), `${slug}: lost without a word`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes seen at once: each lesson keeps its newest entry, revisions only go up', () => {
    fc.assert(
      fc.property(ops(2), (script) => {
        const browser = run(2, script, true);
        for (const slug of LESSONS) {
          // Every write was made over the one before it: never over a record its tab had not seen.
          const revs = browser.revs.get(slug) ?? [];
          revs.forEach((r, i) => expect(r).toBe(i + 1));
          const stored = parse(browser.store.get(slug) ?? null);
          if (!stored) continue;
          // The newest record is its writer's newest state; a tab whose state differs is asking.
          const writer = browser.tabs.find((t) => t.sync.by === stored.by)!;
          expect(bodyText(stored)).toBe(bodyText(writer.latest.get(slug)!));
          for (const t of browser.tabs) {
            const mine = t.latest.get(slug);
            if (mine && bodyText(mine) !== bodyText(stored)) expect(t.asking.has(slug)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
