import { readFileSync } from 'node:fs';
import { expect, type Frame, type Page } from '@playwright/test';
import fc from 'fast-check';
import type { FileProblem } from '../../src/contract';
import {
  HOSTILE_KEYS,
  HOSTILE_NUMBERS,
  SCRIPT_PAYLOADS,
  hostileText,
  hostileValue,
  jsonText,
  mutate,
  mutation,
  namesPlace,
} from '../property/hostile-values';

// The cases the page-level fuzz (fuzz-surfaces.spec.ts) feeds the built page, drawn from the
// property tests' hostile values with one fixed seed, and what it checks after each one.

const SEED = 20_260_612;
export const draw = <T>(arb: fc.Arbitrary<T>, n: number, seed = SEED): T[] =>
  fc.sample(arb, { seed, numRuns: n });

/** A committed link (it keeps opening), and its replay as a document to make hostile. */
const LINK = readFileSync('tests/fixtures/links/preset-web-db-panic.txt', 'utf8').trim();
const R64 = LINK.slice(LINK.indexOf('#r=') + 3);
const REPLAY = JSON.parse(Buffer.from(R64, 'base64url').toString('utf8')) as unknown;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** An address: hostile parameters, and a `#r=` replay with one hostile place, cut, or foreign. */
export const linkCase = fc.record({
  params: fc.array(
    fc.tuple(
      fc.constantFrom('lesson', 'step', 'scenario', 'seed', 't', 'lang', ...HOSTILE_KEYS),
      fc.oneof(hostileText, fc.constantFrom(...HOSTILE_NUMBERS).map(String)),
    ),
    { maxLength: 4 },
  ),
  /** The replay, and whether it is certainly refused (else it may still be a valid one). */
  r: fc.oneof(
    mutation.map((m) => ({ r: b64(jsonText(mutate(REPLAY, m))), bad: false })),
    fc.nat(199).map((at) => ({ r: R64.slice(0, at), bad: true })),
    fc.constantFrom(...SCRIPT_PAYLOADS).map((p) => ({ r: encodeURIComponent(p), bad: true })),
    fc.constant({ r: b64(`"${'x'.repeat(300_000)}"`), bad: true }),
    fc.constant(null),
  ),
});

/** A lesson's record as the page saves it (crash-containment, at its second step). */
export const RECORD = {
  v: 2,
  rev: 3,
  by: 'fuzz',
  entry: {
    step: 1,
    seed: 1,
    log: [{ atNs: 1000, input: { type: 'shell.line', line: SCRIPT_PAYLOADS[0] } }],
    t: 2000,
    predictions: { 0: 1 },
    hints: {},
    cards: {},
    uiDone: {},
    quiz: {},
  },
  finished: false,
  reached: 1,
};

/** What a saved value may be made into: one hostile place, cut short, or anything at all. */
export const damaged = (valid: unknown) =>
  fc.oneof(
    mutation.map((m) => jsonText(mutate(valid, m))),
    fc.nat().map((at) => JSON.stringify(valid).slice(0, at % JSON.stringify(valid).length)),
    hostileText,
  );

export const SCENARIO_FILE = {
  schema: 'mklab.scenario',
  v: 1,
  name: SCRIPT_PAYLOADS[1],
  seed: 0,
  config: {
    ...{ version: 'github', cpus: 2, numaNodes: 1, memoryMiB: 4096, poolMiB: 1024 },
    ...{ devices: [], iommu: false, llcWays: 12, monolithic: false },
  },
  setup: [{ type: 'workload.start', name: 'web', kernel: 'host', kind: 'server', load: 500 }],
};

export const PROGRESS_FILE = {
  schema: 'mklab.progress',
  v: 1,
  current: 'crash-containment',
  lessons: { 'crash-containment': RECORD.entry },
  finished: [],
  reached: { 'crash-containment': 1 },
};

/** Markup a shell line echoes back: the transcript shows it as text. */
export const MARKUP = '<img src=x onerror=window.__pwned=1>';

/** Shell lines that are not valid commands, script, and script the shell only echoes back. */
export const shellLine = fc.oneof(
  fc.constantFrom(...SCRIPT_PAYLOADS),
  fc.constantFrom(...SCRIPT_PAYLOADS).map((p) => `echo ${p}`),
  fc.constant(`echo '${MARKUP}'`),
  fc
    .tuple(fc.constantFrom('kerf create', 'cat', 'mklab panic', 'lspci -x'), hostileText)
    .map(([c, p]) => `${c} ${p}`.trim() || 'kerf nope'),
  fc.integer({ min: 1001, max: 5000 }).map((n) => `kerf ls ${'<b>'.repeat(n)}`),
);

/**
 * Messages no protocol takes, as JSON text (the page parses them: a value nested 10,000 deep
 * cannot cross into it otherwise): hostile values, and near misses carrying script.
 */
export const badMessage = fc.oneof(
  hostileValue.map(jsonText),
  fc
    .constantFrom(...SCRIPT_PAYLOADS)
    .chain((p) =>
      fc.constantFrom<unknown>(
        { type: p, v: 1 },
        { type: 'mklab:goto', v: 1, step: p },
        { type: 'mklab:setLang', v: 1, lang: p },
        { type: 'mklab:play', v: 1, [HOSTILE_KEYS[0]]: p },
        { type: 'hello', v: 2, note: p },
        { type: 'sync', v: 1, start: { scenario: p, seed: 1 }, log: [], logKey: p },
        { type: 'state', v: 1, t: 1e308, lang: p },
        p,
      ),
    )
    .map((m) => JSON.stringify(m)),
);

/** The document a text is, or undefined when it is not JSON. */
export function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A page's dialogs and uncaught errors, from now on. */
export function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

/**
 * After a case: no dialog opened, no uncaught error, no script set a global, and the page (or
 * frame) still answers a test hook within 5 s.
 */
export async function unharmed(
  where: Page | Frame,
  seen: { dialogs: string[]; errors: string[] },
  hook: () => unknown,
): Promise<void> {
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(await where.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await where.waitForFunction(hook, undefined, { timeout: 5000 });
}

const SHARE = JSON.parse(readFileSync('src/i18n/en/share.json', 'utf8')) as Record<string, string>;
const upTo = (key: string) => (SHARE[key] ?? '').split('{')[0] as string;
/** How the page words a problem with the whole text or link rather than one field of it. */
const WHOLE = ['too-big', 'not-json', 'not-object'].map((c) => upTo(`share.problem.${c}`));

/**
 * Whether a refusal as shown (after `prefixKey`'s words) names a place in `doc`: its text starts
 * with the path (`setup[3].cpus[1]: …`), or it is about the whole (too big, not JSON).
 */
export function namesField(shown: string, prefixKey: string, doc: unknown): boolean {
  const text = shown.slice(shown.indexOf(upTo(prefixKey)) + upTo(prefixKey).length).trim();
  if (WHOLE.some((w) => text.startsWith(w))) return true;
  const path = text.slice(0, Math.max(0, text.indexOf(': ')));
  const problem = { path, code: 'invalid', params: {} } as FileProblem;
  return path === 'r' || (path !== '' && namesPlace(problem, doc));
}
