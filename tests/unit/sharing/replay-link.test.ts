import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  base64urlEncode,
  decodeReplay,
  encodeReplay,
  readReplayLink,
  replayUrl,
} from '../../../src/features/sharing/replay-link';
import { translate } from '../../../src/i18n';
import { preset } from '../../../src/sim/presets';
import { createSimApi } from '../../../src/worker/api';
import {
  ENGINE_VERSION,
  MAX_REPLAY_CHARS,
  REPLAY_SCHEMA,
  type Replay,
} from '../../../src/contract';
import { problemText } from '../../../src/features/sharing/problem-text';

const lessonReplay: Replay = {
  schema: REPLAY_SCHEMA,
  engine: ENGINE_VERSION,
  config: { lesson: 'crash-containment', seed: 3 },
  log: [
    { atNs: 100, input: { type: 'lesson.step', step: 1 } },
    {
      atNs: 200,
      input: { type: 'twin.only', input: { type: 'fault', kind: 'panic', target: 'host' } },
    },
    { atNs: 300, input: { type: 'shell.line', line: 'kerf ls # ñandú ✓' } },
  ],
};

const hashOf = (url: string) => url.slice(url.indexOf('#'));
const searchOf = (url: string) => url.slice(url.indexOf('?'), url.indexOf('#'));
const en = (p: Parameters<typeof problemText>[1]) =>
  problemText((k, params) => translate('en', k, params), p);

describe('replay links', () => {
  it('round-trip: the address and the replay come back as they went in', () => {
    const url = replayUrl('https://lab.example/x/', lessonReplay, { t: 1234, step: 1, lang: 'es' });
    expect(
      url.startsWith(
        'https://lab.example/x/?lesson=crash-containment&step=2&lang=es&seed=3&t=1234#r=',
      ),
    ).toBe(true);
    const read = readReplayLink(searchOf(url), hashOf(url));
    expect(read).toEqual({
      ok: true,
      value: { replay: lessonReplay, t: 1234, step: 1, lang: 'es' },
    });
  });

  it('carries a whole scenario, not only a preset name', () => {
    const r: Replay = {
      ...lessonReplay,
      config: { scenario: preset('web-db'), seed: 9, twin: true },
      log: [],
    };
    const d = decodeReplay(encodeReplay(r));
    expect(d).toEqual({ ok: true, value: r });
  });

  it('an address with no #r= is not a replay link', () => {
    expect(readReplayLink('?lesson=roots', '')).toBeNull();
  });

  it('another engine version still decodes (the page replays it with a notice)', () => {
    const d = decodeReplay(encodeReplay({ ...lessonReplay, engine: ENGINE_VERSION + 1 }));
    expect(d.ok && d.value.engine).toBe(ENGINE_VERSION + 1);
  });

  it('refuses, naming why: damaged, unknown schema, oversize, bad field, bad time', () => {
    const bad = (r: string) => {
      const d = decodeReplay(r);
      if (d.ok) throw new Error('accepted');
      return en(d.problem);
    };
    expect(bad('!!!')).toMatch(/^r: the replay in the link is damaged/);
    expect(bad(base64urlEncode('{not json'))).toMatch(/^r: the replay in the link is damaged/);
    expect(bad(base64urlEncode(JSON.stringify({ ...lessonReplay, schema: 2 })))).toMatch(
      /^schema: this is not a file of the kind expected \("2", expected "1"\)/,
    );
    expect(bad('A'.repeat(MAX_REPLAY_CHARS + 1))).toMatch(/^r: too big/);
    const wrongStep = {
      ...lessonReplay,
      log: [{ atNs: 1, input: { type: 'lesson.step', step: 9 } }],
    };
    expect(bad(base64urlEncode(JSON.stringify(wrongStep)))).toBe(
      'log[0].input.step: 9 is outside 0–4',
    );
    const sandboxStep = { ...lessonReplay, config: { scenario: 'web-db', seed: 1 } };
    expect(bad(base64urlEncode(JSON.stringify(sandboxStep)))).toMatch(
      /^log\[0\]\.input\.type: "lesson\.step" belongs to a lesson/,
    );
    const read = readReplayLink(
      '?t=soon',
      hashOf(replayUrl('/', lessonReplay, { t: 0, step: null, lang: 'en' })),
    );
    expect(read?.ok === false && en(read.problem)).toBe('t: "soon" should be a whole number');
    const link = hashOf(replayUrl('/', lessonReplay, { t: 0, step: null, lang: 'en' }));
    const past = readReplayLink('?step=6', link);
    expect(past?.ok === false && en(past.problem)).toBe('step: 6 is outside 1–5');
    const seed = readReplayLink('?seed=1e3', link);
    expect(seed?.ok === false && en(seed.problem)).toBe('seed: "1e3" should be a whole number');
    const scenario = {
      ...lessonReplay,
      config: { scenario: { ...preset('web-db'), x: 1 }, seed: 1 },
    };
    expect(bad(base64urlEncode(JSON.stringify({ ...scenario, log: [] })))).toBe(
      'config.scenario.x: is not a field of this format',
    );
    expect(bad(base64urlEncode(JSON.stringify({ ...lessonReplay, config: { seed: 1 } })))).toBe(
      'config.scenario: is missing',
    );
  });
});

describe('committed fixture links keep opening', () => {
  const dir = 'tests/fixtures/links';
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it('there are fixtures from a lesson and from a preset', () => {
    expect(names.some((n) => n.startsWith('lesson-'))).toBe(true);
    expect(names.some((n) => n.startsWith('preset-'))).toBe(true);
  });
  for (const name of names) {
    it(`${name} replays to its recorded time and state hash`, async () => {
      const url = readFileSync(`${dir}/${name}`, 'utf8').trim();
      const expected = JSON.parse(
        readFileSync(`${dir}/${name.replace('.txt', '.expect.json')}`, 'utf8'),
      ) as { t: number; hash: string };
      const read = readReplayLink(searchOf(url), hashOf(url));
      if (!read?.ok) throw new Error('the fixture does not decode');
      const { replay, t } = read.value;
      expect(replay.engine).toBe(ENGINE_VERSION);
      const c = replay.config;
      const api = createSimApi();
      // The worker's own start path, as the page calls it for a link.
      const boot = await api.init({
        scenario: typeof c.scenario === 'object' ? c.scenario : (c.scenario ?? 'two-kernels'),
        seed: c.seed,
        ...(c.lesson ? { lesson: c.lesson } : {}),
        log: replay.log,
        t,
      });
      if (!boot.ok) throw new Error('the fixture does not boot');
      expect(boot.stopped).toBeNull();
      expect({ t: boot.frame.t, hash: api.hash() }).toEqual({ t: expected.t, hash: expected.hash });
    });
  }
});
