import {
  PRESET_IDS,
  PROPOSAL_VERSIONS,
  type LessonSlug,
  type LogEntry,
  type PresetId,
  type ProposalVersion,
  type Scenario,
} from '../../contract';
import { CONTENT, LESSON_ORDER } from '../../content';
import { attempt, bad, bool, fields, int, obj, oneOf, type Checked } from './check';
import { checkLog, MAX_SEED, MAX_T } from './log-check';
import { checkScenario } from './scenario-check';

/**
 * Replay links (DESIGN §7). The address says where to look, readable by a person:
 * `?lesson=<slug>&step=<1-based>` or `?scenario=<preset>`, then `&lang=`, `&seed=`, `&t=<ns>`;
 * the fragment `#r=` carries the run itself: base64url of the JSON `{schema, engine, config, log}`
 * (config = the start spec; log = the engine's input log). Opening it replays the log to `t`.
 * Pure: no DOM, so tests and scripts use it as the page does.
 */
export const REPLAY_SCHEMA = 1;
/** A `#r=` longer than this is refused unread (a lesson's link is a few KB). */
export const MAX_REPLAY_CHARS = 256 * 1024;

export interface ReplayConfig {
  /** A lesson (which brings its own machine), or a sandbox scenario: a preset or a whole one. */
  readonly lesson?: LessonSlug;
  readonly scenario?: PresetId | Scenario;
  readonly seed: number;
  /** A preset started under another proposal version. */
  readonly version?: ProposalVersion;
  /** The monolithic twin beside the machine (the sandbox's switch; a lesson brings its own). */
  readonly twin?: boolean;
}

export interface Replay {
  readonly schema: typeof REPLAY_SCHEMA;
  readonly engine: number;
  readonly config: ReplayConfig;
  readonly log: readonly LogEntry[];
}

/** Everything a link says: the replay, and the address's own parameters. */
export interface ReplayLink {
  readonly replay: Replay;
  readonly t: number;
  /** 0-based (the address says 1-based). */
  readonly step: number | null;
  readonly lang: 'en' | 'es' | null;
}

export function base64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) bad('r', 'malformed');
  let bin: string;
  try {
    bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  } catch {
    return bad('r', 'malformed');
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad('r', 'malformed');
  }
}

export function encodeReplay(r: Replay): string {
  const config: ReplayConfig = {
    ...(r.config.lesson !== undefined ? { lesson: r.config.lesson } : {}),
    ...(r.config.scenario !== undefined ? { scenario: r.config.scenario } : {}),
    seed: r.config.seed,
    ...(r.config.version !== undefined ? { version: r.config.version } : {}),
    ...(r.config.twin !== undefined ? { twin: r.config.twin } : {}),
  };
  return base64urlEncode(
    JSON.stringify({ schema: r.schema, engine: r.engine, config, log: r.log }),
  );
}

function checkConfig(v: unknown): ReplayConfig {
  const o = obj(v, 'config');
  fields(o, 'config', ['seed'], ['lesson', 'scenario', 'version', 'twin']);
  if ((o.lesson === undefined) === (o.scenario === undefined)) bad('config.scenario', 'missing');
  if (o.lesson !== undefined) oneOf(o.lesson, 'config.lesson', LESSON_ORDER);
  if (typeof o.scenario === 'string' || o.scenario === undefined) {
    if (o.scenario !== undefined) oneOf(o.scenario, 'config.scenario', PRESET_IDS);
  } else checkScenario(o.scenario, 'config.scenario');
  int(o.seed, 'config.seed', 0, MAX_SEED);
  if (o.version !== undefined) oneOf(o.version, 'config.version', PROPOSAL_VERSIONS);
  if (o.twin !== undefined) bool(o.twin, 'config.twin');
  return o as unknown as ReplayConfig;
}

/**
 * Decode and check a `#r=` payload. An unknown schema (a newer app's link) is refused; another
 * engine version is accepted (the caller replays it with a notice).
 */
export function decodeReplay(r: string): Checked<Replay> {
  return attempt(() => {
    if (r.length > MAX_REPLAY_CHARS)
      bad('r', 'too-big', { size: Math.ceil(r.length / 1024), max: MAX_REPLAY_CHARS / 1024 });
    let data: unknown;
    try {
      data = JSON.parse(base64urlDecode(r)) as unknown;
    } catch (e) {
      if (e instanceof Error && e.name === 'SyntaxError') bad('r', 'malformed');
      throw e;
    }
    const o = obj(data, '');
    if (o.schema !== REPLAY_SCHEMA)
      bad('schema', 'schema', { value: String(o.schema).slice(0, 20), expected: REPLAY_SCHEMA });
    fields(o, '', ['schema', 'engine', 'config', 'log']);
    int(o.engine, 'engine', 1, 1_000_000);
    const config = checkConfig(o.config);
    const steps = config.lesson ? CONTENT[config.lesson].steps.length : null;
    checkLog(o.log, 'log', steps);
    return o as unknown as Replay;
  });
}

/** Read a link's address (`search` with `?`, `hash` with `#`): null when it carries no `#r=`. */
export function readReplayLink(search: string, hash: string): Checked<ReplayLink> | null {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const r = h.get('r');
  if (r === null) return null;
  const decoded = decodeReplay(r);
  if (!decoded.ok) return decoded;
  const replay = decoded.value;
  return attempt(() => {
    const q = new URLSearchParams(search);
    const tText = q.get('t');
    const t =
      tText === null ? 0 : int(/^\d{1,16}$/.test(tText) ? Number(tText) : tText, 't', 0, MAX_T);
    const stepText = q.get('step');
    const lesson = replay.config.lesson;
    let step: number | null = null;
    if (stepText !== null && lesson) {
      const n = /^\d{1,3}$/.test(stepText) ? Number(stepText) : stepText;
      step = int(n, 'step', 1, CONTENT[lesson].steps.length) - 1;
    }
    const lang = q.get('lang');
    return { replay, t, step, lang: lang === 'en' || lang === 'es' ? lang : null };
  });
}

/** The whole link: a readable address and the replay in the fragment. */
export function replayUrl(
  base: string,
  replay: Replay,
  where: { readonly t: number; readonly step: number | null; readonly lang: 'en' | 'es' },
): string {
  const q = new URLSearchParams();
  const c = replay.config;
  if (c.lesson) {
    q.set('lesson', c.lesson);
    if (where.step !== null) q.set('step', String(where.step + 1));
  } else if (typeof c.scenario === 'string') q.set('scenario', c.scenario);
  q.set('lang', where.lang);
  q.set('seed', String(c.seed));
  q.set('t', String(Math.max(0, Math.round(where.t))));
  return `${base}?${q.toString()}#r=${encodeReplay(replay)}`;
}
