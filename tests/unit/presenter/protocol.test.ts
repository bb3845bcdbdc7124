import { describe, expect, it } from 'vitest';
import {
  channelName,
  logKey,
  parsePresenterMessage,
  planFollow,
} from '../../../src/features/presenter/protocol';
import { MAX_LOG, type PlaybackSnapshot } from '../../../src/contract';
import { readPresenterRoute } from '../../../src/features/presenter/route';
import { audienceUrl } from '../../../src/features/presenter/audience-url';

const log = [
  { atNs: 90_000_000, input: { type: 'lesson.step', step: 1 } },
  { atNs: 120_000_000, input: { type: 'shell.line', line: 'kerf list' } },
] as const;

const snapshot: PlaybackSnapshot = {
  lesson: { slug: 'crash-containment', step: 1, steps: 5 },
  t: 120_000_000,
  playing: false,
  speedIndex: 7,
  logLength: 2,
  logKey: logKey(log as never),
  twin: false,
  lang: 'es',
  theme: 'dark',
  blank: false,
  page: 'step',
  revealed: false,
  chartsShown: false,
  card: false,
};
const state = { v: 1, type: 'state', seq: 3, ...snapshot };
const sync = {
  v: 1,
  type: 'sync',
  start: { scenario: 'two-kernels', seed: 1, lesson: 'crash-containment' },
  log,
  logKey: logKey(log as never),
};

describe('presenter protocol: messages in', () => {
  it('accepts each valid message and returns exactly its fields', () => {
    expect(parsePresenterMessage({ v: 1, type: 'hello' })).toEqual({ v: 1, type: 'hello' });
    expect(parsePresenterMessage({ v: 1, type: 'bye', extra: 1 })).toEqual({ v: 1, type: 'bye' });
    expect(parsePresenterMessage({ ...state, junk: '<script>' })).toEqual(state);
    expect(parsePresenterMessage(sync)).toEqual(sync);
    expect(parsePresenterMessage(JSON.parse(JSON.stringify(sync)))).toEqual(sync);
  });

  it('refuses another version, an unknown type and non-objects', () => {
    for (const bad of [
      null,
      'hello',
      [],
      42,
      { type: 'hello' },
      { v: 2, type: 'hello' },
      { v: '1', type: 'hello' },
      { v: 1, type: 'goto' },
      { ...state, v: 0 },
    ])
      expect(parsePresenterMessage(bad)).toBeNull();
  });

  it('refuses a state with any one field wrong', () => {
    const mutations: Record<string, unknown>[] = [
      { t: -1 },
      { t: 1.5 },
      { t: '5' },
      { playing: 'yes' },
      { speedIndex: 99 },
      { logLength: -2 },
      { logKey: '' },
      { twin: 1 },
      { lang: 'fr' },
      { theme: 'neon' },
      { blank: null },
      { page: 'list' },
      { revealed: 'yes' },
      { card: 1 },
      { seq: -1 },
      { lesson: { slug: 'crash-containment', step: 5, steps: 5 } },
      { lesson: { slug: 'Crash Containment', step: 0, steps: 5 } },
      { lesson: { slug: 'crash-containment', step: 0, steps: 0 } },
      { lesson: 'crash-containment' },
    ];
    for (const m of mutations)
      expect(parsePresenterMessage({ ...state, ...m }), JSON.stringify(m)).toBeNull();
    expect(parsePresenterMessage({ ...state, lesson: null })).toEqual({ ...state, lesson: null });
  });

  it('refuses a sync whose log or start is malformed, or whose key does not match its log', () => {
    const withLog = (l: unknown) => ({ ...sync, log: l, logKey: logKey(l as never) });
    expect(parsePresenterMessage(withLog([{ atNs: -1, input: { type: 'x' } }]))).toBeNull();
    expect(parsePresenterMessage(withLog([{ atNs: 1, input: {} }]))).toBeNull();
    expect(parsePresenterMessage(withLog([{ atNs: 1 }]))).toBeNull();
    expect(parsePresenterMessage(withLog('[]'))).toBeNull();
    // Well-formed entries, one too many: the length alone is refused.
    const line = (i: number) => ({ atNs: i, input: { type: 'shell.line', line: 'kerf list' } });
    const full = Array.from({ length: MAX_LOG }, (_, i) => line(i));
    expect(parsePresenterMessage(withLog(full))?.type).toBe('sync');
    expect(parsePresenterMessage(withLog([...full, line(MAX_LOG)]))).toBeNull();
    // Each entry is a real input of this lesson: an unknown machine input, a step past the
    // lesson's last, a lesson input in a sandbox are refused.
    const entry = (input: unknown) => [{ atNs: 1, input }];
    expect(parsePresenterMessage(withLog(entry({ type: 'instance.exec' })))).toBeNull();
    expect(parsePresenterMessage(withLog(entry({ type: 'lesson.step', step: 5 })))).toBeNull();
    expect(parsePresenterMessage(withLog(entry({ type: 'lesson.step', step: 4 })))).not.toBeNull();
    const sandbox = { ...sync, start: { scenario: 'two-kernels', seed: 1 } };
    expect(parsePresenterMessage(sandbox)).toBeNull();
    expect(
      parsePresenterMessage({
        ...sandbox,
        log: log.slice(1),
        logKey: logKey(log.slice(1) as never),
      }),
    ).not.toBeNull();
    expect(parsePresenterMessage({ ...sync, logKey: '2:00000000' })).toBeNull();
    for (const start of [
      null,
      { seed: 1 },
      { scenario: 'two-kernels', seed: -1 },
      { scenario: 'two-kernels', seed: 1, lesson: '../x' },
      { scenario: 'two-kernels', seed: 1, step: 1000 },
      { scenario: 'two-kernels', seed: 1, twin: 'on' },
      { scenario: 'no-such-preset', seed: 1 },
      { scenario: { config: {}, setup: [] }, seed: 1 },
    ])
      expect(parsePresenterMessage({ ...sync, start }), JSON.stringify(start)).toBeNull();
  });
});

describe('presenter protocol: the log key', () => {
  it('changes when an entry changes, is added or removed, and only then', () => {
    const k = logKey(log as never);
    expect(logKey(JSON.parse(JSON.stringify(log)) as never)).toBe(k);
    expect(logKey(log.slice(0, 1) as never)).not.toBe(k);
    expect(logKey([log[0], { ...log[1], atNs: 120_000_001 }] as never)).not.toBe(k);
    expect(logKey([...log, log[1]] as never)).not.toBe(k);
    expect(k.startsWith('2:')).toBe(true);
  });
});

describe('following the presenter', () => {
  const speed = 10_000_000; // 10 ms of simulated time per wall second
  it('reloads when it replays another log, whatever the time', () => {
    expect(planFollow({ logKey: null, t: 0 }, snapshot, speed)).toEqual({
      reload: true,
      seekTo: null,
    });
    expect(planFollow({ logKey: '1:abc', t: snapshot.t }, snapshot, speed).reload).toBe(true);
  });
  it('when paused, stands at exactly the presenter time', () => {
    const own = { logKey: snapshot.logKey, t: snapshot.t - 1 };
    expect(planFollow(own, snapshot, speed)).toEqual({ reload: false, seekTo: snapshot.t });
    expect(planFollow({ ...own, t: snapshot.t }, snapshot, speed)).toEqual({
      reload: false,
      seekTo: null,
    });
  });
  it('when playing, lets its own clock run and seeks only past the drift allowance', () => {
    const playing = { ...snapshot, playing: true };
    const near = { logKey: snapshot.logKey, t: snapshot.t + 3_000_000 };
    expect(planFollow(near, playing, speed).seekTo).toBeNull();
    const far = { logKey: snapshot.logKey, t: snapshot.t - 5_000_000 };
    expect(planFollow(far, playing, speed).seekTo).toBe(snapshot.t);
  });
});

describe('presenter routes', () => {
  it('reads ?present and ?audience=<session>, refusing a bad session id', () => {
    expect(readPresenterRoute('?present')).toEqual({ mode: 'presenter' });
    expect(readPresenterRoute('?lesson=roots&present=')).toEqual({ mode: 'presenter' });
    expect(readPresenterRoute('?audience=abc123def')).toEqual({
      mode: 'audience',
      session: 'abc123def',
    });
    expect(readPresenterRoute('?audience=<script>')).toEqual({ mode: 'off' });
    expect(readPresenterRoute('?audience=ab')).toEqual({ mode: 'off' });
    expect(readPresenterRoute('')).toEqual({ mode: 'off' });
  });
  it('builds the audience address on the same page, keeping only the test switch', () => {
    expect(audienceUrl('https://x.org/lab/?present&lesson=roots&testhooks', 'abc123def')).toBe(
      'https://x.org/lab/?audience=abc123def&testhooks',
    );
    expect(audienceUrl('https://x.org/?present#r=1', 'abc123def')).toBe(
      'https://x.org/?audience=abc123def',
    );
    expect(channelName('abc123def')).toBe('mklab:present:abc123def');
  });
});
