import { beforeAll, describe, expect, it } from 'vitest';
import {
  FRAME_EVENTS,
  HOUR_OF_USE_S,
  MAX_INPUTS_PER_S,
  MAX_LINE,
  MAX_LOG,
  MAX_PROGRESS_CHARS,
  MAX_REPLAY_EVENTS,
  MAX_SCENARIO_CHARS,
  MAX_T,
  PROGRESS_VERSION,
  TOP_SPEED_NS_PER_S,
  type LogEntry,
} from '../../../src/contract';
import { loadLocale, translate } from '../../../src/i18n';
import { preset } from '../../../src/sim';
import { SPEEDS } from '../../../src/store/playback-store';
import { FRAME_EVENT_BUDGET } from '../../../src/worker/engine';
import { parseProgressFile, progressFileText } from '../../../src/features/sharing/progress-file';
import { problemText } from '../../../src/features/sharing/problem-text';
import { readReplayLink } from '../../../src/features/sharing/replay-link';
import { parseScenarioFile, scenarioFileText } from '../../../src/features/sharing/scenario-file';

// Issue 11: every limit on what a person makes is at least what an hour of use makes (so any
// state reached in an hour saves and loads again), and a link or file past one is refused up
// front, naming the limit.

describe('the limits hold an hour of use', () => {
  it('simulated time: an hour at the playback’s top speed fits', () => {
    expect(TOP_SPEED_NS_PER_S).toBe(SPEEDS[SPEEDS.length - 1]);
    expect(MAX_T).toBeGreaterThanOrEqual(HOUR_OF_USE_S * TOP_SPEED_NS_PER_S);
  });

  it('inputs: an hour at ten a second fits in a log (a presenter’s sync carries any log)', () => {
    expect(MAX_INPUTS_PER_S).toBeGreaterThanOrEqual(10);
    expect(MAX_LOG).toBeGreaterThanOrEqual(HOUR_OF_USE_S * MAX_INPUTS_PER_S);
  });

  it('events: a replay runs what an hour of frames at the worker’s budget can', () => {
    expect(FRAME_EVENTS).toBe(FRAME_EVENT_BUDGET);
    expect(MAX_REPLAY_EVENTS).toBeGreaterThanOrEqual(FRAME_EVENT_BUDGET * 60 * HOUR_OF_USE_S);
  });

  // An hour's log of the widest entries a person can make: shell lines of MAX_LINE characters.
  const widest: LogEntry[] = Array.from({ length: MAX_LOG }, (_, i) => ({
    atNs: MAX_T - MAX_LOG + i,
    input: { type: 'shell.line', line: `echo ${String(i).padStart(MAX_LINE - 5, '-')}` },
  }));

  it('files: a scenario file holds it, and reads back exactly', () => {
    const text = scenarioFileText({
      schema: 'mklab.scenario',
      v: 1,
      name: 'an hour',
      seed: 1,
      ...preset('two-kernels'),
      log: widest,
      t: MAX_T,
    });
    expect(text.length).toBeLessThanOrEqual(MAX_SCENARIO_CHARS);
    const read = parseScenarioFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(scenarioFileText(read.value)).toBe(text);
  });

  it('files: a progress file holds it in a lesson, and reads back exactly', () => {
    const text = progressFileText({
      v: PROGRESS_VERSION,
      current: 'crash-containment',
      lessons: {
        'crash-containment': {
          step: 0,
          seed: 1,
          log: widest,
          t: MAX_T,
          predictions: {},
          hints: {},
          cards: {},
          uiDone: {},
          quiz: {},
        },
      },
      finished: [],
      reached: {},
    });
    expect(text.length).toBeLessThanOrEqual(MAX_PROGRESS_CHARS);
    const read = parseProgressFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(progressFileText(read.value)).toBe(text);
  });
});

describe('past a limit, a link says which', () => {
  beforeAll(() => loadLocale('es'));
  // The link of issue 11's F1: the busiest preset, a time far in the future.
  const hash =
    '#r=eyJzY2hlbWEiOjEsImVuZ2luZSI6MSwiY29uZmlnIjp7InNjZW5hcmlvIjoiZGF0YWNlbnRlciIsInNlZWQiOjF9LCJsb2ciOltdfQ';
  const said = (t: string, lang: 'en' | 'es') => {
    const r = readReplayLink(`?scenario=datacenter&t=${t}`, hash);
    if (!r || r.ok) throw new Error('the link was taken');
    return problemText((k, p) => translate(lang, k, p), r.problem);
  };

  it('a time far in the future is refused naming the limit in seconds, in both languages', () => {
    expect(said('1000000000000000', 'en')).toBe(
      't: 1000000 s of simulated time is past the limit: at most 100000 s',
    );
    expect(said('1000000000000000000', 'es')).toBe(
      't: 1000000000\u00a0s de tiempo simulado pasa del límite: como mucho 100000\u00a0s',
    );
  });

  it('a time within the limit is taken', () => {
    expect(readReplayLink(`?scenario=datacenter&t=${MAX_T}`, hash)?.ok).toBe(true);
  });
});
