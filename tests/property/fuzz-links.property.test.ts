import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64urlEncode,
  encodeReplay,
  readReplayLink,
  replayUrl,
} from '../../src/features/sharing/replay-link';
import { problemText } from '../../src/features/sharing/problem-text';
import { translate } from '../../src/i18n';
import { readUrl } from '../../src/app/start';
import { readLessonRoute } from '../../src/app/lesson-route';
import { readEmbedOptions, parseOrigin } from '../../src/features/embed/options';
import { readPresenterRoute } from '../../src/features/presenter/route';
import { CONTENT, LESSON_ORDER } from '../../src/content';
import {
  ENGINE_VERSION,
  MAX_LINE,
  MAX_SEED,
  MAX_T,
  PRESET_IDS,
  PROPOSAL_VERSIONS,
  REPLAY_SCHEMA,
  type FileProblem,
  type LabInput,
  type Replay,
} from '../../src/contract';
import { randomLine } from './shell-lines';
import {
  HOSTILE_KEYS,
  HOSTILE_NUMBERS,
  MEGABYTES,
  SCRIPT_PAYLOADS,
  fuzzRuns,
  hostileString,
  hostileKeysIn,
  hostileText,
  jsonText,
  mutate,
  mutation,
  namesPlace,
} from './hostile-values';

// The address as the page reads it (issue 11): `?lesson=&step=&scenario=&seed=&t=&lang=` and the
// embed's and presenter's own parameters, and the `#r=` replay (base64url of JSON). Whatever
// they hold — truncated or foreign base64, values of the wrong type, numbers past every range,
// nesting 10,000 deep, megabytes — the readers never throw; a refused link names the field (or
// `r`, the link itself), in words the page can show; a valid link reads back exactly.

const en = (p: FileProblem) => problemText((k, params) => translate('en', k, params), p);

/** Shell lines as a replay may log them: anything the shell takes, script included. */
const line = fc.oneof(randomLine, fc.constantFrom(...SCRIPT_PAYLOADS)).map((l) => l || 'ls');

/** A valid replay: a lesson's (steps and shell lines) or a preset's (faults and shell lines). */
const replayArb: fc.Arbitrary<Replay> = fc
  .record({
    lesson: fc.option(fc.constantFrom(...LESSON_ORDER), { nil: undefined }),
    preset: fc.constantFrom(...PRESET_IDS),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    version: fc.option(fc.constantFrom(...PROPOSAL_VERSIONS), { nil: undefined }),
    twin: fc.option(fc.boolean(), { nil: undefined }),
    inputs: fc.array(fc.tuple(fc.nat(20), line), { maxLength: 6 }),
  })
  .map((g): Replay => {
    const steps = g.lesson ? CONTENT[g.lesson].steps.length : 0;
    const log = g.inputs.map(([n, l], i) => {
      const input: LabInput =
        g.lesson && n % 3 === 0
          ? { type: 'lesson.step', step: n % steps }
          : { type: 'shell.line', line: l.slice(0, MAX_LINE) };
      return { atNs: i * 1_000_000, input };
    });
    const config = g.lesson
      ? { lesson: g.lesson, seed: g.seed }
      : {
          scenario: g.preset,
          seed: g.seed,
          ...(g.version ? { version: g.version } : {}),
          ...(g.twin !== undefined ? { twin: g.twin } : {}),
        };
    return { schema: REPLAY_SCHEMA, engine: ENGINE_VERSION, config, log };
  });

const split = (url: string) => ({
  search: url.slice(url.indexOf('?'), url.indexOf('#')),
  hash: url.slice(url.indexOf('#')),
});

/** A refusal as the page shows it: the named field first, every parameter of its words filled. */
function said(p: FileProblem, seen: unknown): void {
  const text = en(p);
  expect(text).not.toMatch(/\{\w+\}/);
  if (p.path === 'r') expect(['too-big', 'malformed']).toContain(p.code);
  else expect(namesPlace(p, seen), JSON.stringify(p)).toBe(true);
  if (p.path) expect(text.startsWith(`${p.path}: `)).toBe(true);
}

describe('#r= replay links under fuzzing', () => {
  it('a valid link, script in its shell lines included, reads back exactly', () => {
    fc.assert(
      fc.property(replayArb, fc.nat(MAX_T), (replay, t) => {
        const { search, hash } = split(
          replayUrl('https://lab.example/', replay, { t, step: null, lang: 'en' }),
        );
        const read = readReplayLink(search, hash);
        expect(read).toEqual({ ok: true, value: { replay, t, step: null, lang: 'en' } });
      }),
      fuzzRuns(150),
    );
  });

  it('one hostile place in the replay: refused naming it, or read back exactly', () => {
    let refused = 0;
    fc.assert(
      fc.property(replayArb, mutation, (replay, m) => {
        const text = jsonText(mutate(replay, m));
        const read = readReplayLink('', `#r=${base64urlEncode(text)}`);
        if (read?.ok) {
          expect(read.value.replay).toEqual(JSON.parse(text));
          expect(hostileKeysIn(JSON.parse(text))).toEqual([]);
        } else {
          refused++;
          said((read as { problem: FileProblem }).problem, JSON.parse(text));
        }
      }),
      fuzzRuns(300),
    );
    expect(refused).toBeGreaterThan(200);
  });

  it('a damaged fragment (cut short, foreign text, bad UTF-8, megabytes) is refused as the link', () => {
    const damaged = fc.oneof(
      fc.tuple(replayArb, fc.nat()).map(([r, at]) => {
        const whole = encodeReplay(r);
        return whole.slice(0, at % whole.length);
      }),
      fc.string({ unit: fc.constantFrom('A', 'z', '0', '-', '_', '+', '/', '=', '%', ' ', '.') }),
      hostileString,
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64url')),
      fc.constantFrom(MEGABYTES, base64urlEncode('{"schema":1,'), base64urlEncode('\uFFFF')),
    );
    fc.assert(
      fc.property(damaged, (r) => {
        const read = readReplayLink('', `#r=${r}`);
        expect(read?.ok).toBe(false);
        said((read as { problem: FileProblem }).problem, undefined);
      }),
      fuzzRuns(300),
    );
  });
});

/** An address: known and hostile parameter names, with valid, hostile and huge values. */
const search = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        ...['lesson', 'step', 'scenario', 'seed', 't', 'lang', 'origin', 'controls', 'theme'],
        ...['autoplay', 'audience', 'present', 'testhooks', 'r', ...HOSTILE_KEYS],
      ),
      fc.oneof(
        hostileText,
        fc.constantFrom(...HOSTILE_NUMBERS).map(String),
        fc.constantFrom(...LESSON_ORDER, ...PRESET_IDS, 'es', 'https://a.example', 'abcdef12'),
        fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
        fc.nat(6).map(String),
      ),
    ),
    { maxLength: 6 },
  )
  .map((ps) => `?${new URLSearchParams(ps).toString()}`);

const LESSON_REPLAY: Replay = {
  schema: REPLAY_SCHEMA,
  engine: ENGINE_VERSION,
  config: { lesson: 'crash-containment', seed: 1 },
  log: [],
};

/** Megabytes in a parameter: tried once each, not in every run (each costs a parse of them). */
const HUGE = ['lesson', 'step', 'seed', 't', 'origin', 'audience'].map((k) => [
  `?${k}=${MEGABYTES}&lang=${MEGABYTES}`,
]);

describe('address parameters under fuzzing', () => {
  it('a link refuses a bad t, seed or step by name; what it takes is in range', () => {
    fc.assert(
      fc.property(replayArb, search, (replay, q) => {
        const read = readReplayLink(q, `#r=${encodeReplay(replay)}`);
        if (read?.ok === false) {
          expect(['t', 'seed', 'step']).toContain(read.problem.path);
          return said(read.problem, Object.fromEntries(new URLSearchParams(q)));
        }
        const w = read?.value;
        expect(Number.isInteger(w?.t) && (w?.t ?? -1) >= 0 && (w?.t ?? 0) <= MAX_T).toBe(true);
        if (w?.step != null)
          expect(w.step).toBeLessThan(CONTENT[replay.config.lesson!].steps.length);
        expect([null, 'en', 'es']).toContain(w?.lang);
      }),
      { ...fuzzRuns(200), examples: HUGE.map(([q]) => [LESSON_REPLAY, q] as [Replay, string]) },
    );
  });

  it('the lab, lesson, embed and presenter readers take only what they know, never throwing', () => {
    fc.assert(
      fc.property(search, (q) => {
        const url = readUrl(q);
        expect(PRESET_IDS).toContain(url.preset);
        expect(Number.isSafeInteger(url.seed) && url.seed >= 0 && url.seed <= MAX_SEED).toBe(true);
        expect([null, 'en', 'es']).toContain(url.lang);
        const route = readLessonRoute(q);
        if (route.kind === 'lesson') expect(LESSON_ORDER).toContain(route.slug);
        if (route.kind === 'bad') expect(route.value.length).toBeLessThanOrEqual(60);
        const embed = readEmbedOptions(q);
        expect(embed.origins.length).toBeLessThanOrEqual(8);
        for (const o of embed.origins) expect(parseOrigin(o)).toBe(o);
        expect(['none', 'minimal', 'full']).toContain(embed.controls);
        expect(['light', 'dark', 'auto']).toContain(embed.theme);
        const p = readPresenterRoute(q);
        if (p.mode === 'audience') expect(p.session).toMatch(/^[\w-]{6,40}$/);
      }),
      { ...fuzzRuns(200), examples: HUGE as [string][] },
    );
  });
});
