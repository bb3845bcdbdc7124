import type { LogEntry, StartSpec } from '../../contract';

/**
 * The presenter ↔ audience protocol (DESIGN §7): messages on one BroadcastChannel per presenting
 * session. Pure: no DOM, no channel; `parsePresenterMessage` is the only way a received message
 * gets in, and anything it does not recognise is dropped (an old tab of the app, a future
 * version, a stray script on the same origin).
 *
 * - `hello` (audience → presenter): "send me everything" — on opening, and after a gap.
 * - `sync` (presenter → audience): the machine to replay: start spec + the whole input log.
 *   Sent on hello, when the log changes (grows, is cut by a rewind, forks) and when another
 *   machine loads. Replay = start spec + seed + log, so the audience's own worker rebuilds the
 *   presenter's machine exactly.
 * - `state` (presenter → audience): where playback stands — lesson step, simulated time, playing,
 *   speed, log length and key (which sync it refers to), twin, language, theme, blank screen.
 * - `bye` (presenter → audience): the presenter left presenter mode or closed its window.
 */
export const PRESENTER_PROTOCOL = 1;

/** Bounds a received message must respect (a classroom log is tens of entries). */
export const MAX_LOG_ENTRIES = 20_000;
export const MAX_SYNC_CHARS = 4_000_000;
const MAX_SPEED_INDEX = 32;
const MAX_STEPS = 100;

export type StartSpecLike = Omit<StartSpec, 'log' | 't'>;

export interface LessonPosition {
  readonly slug: string;
  /** 0-based step, as the worker reports it. */
  readonly step: number;
  readonly steps: number;
}

export interface PlaybackSnapshot {
  readonly lesson: LessonPosition | null;
  readonly t: number;
  readonly playing: boolean;
  readonly speedIndex: number;
  readonly logLength: number;
  readonly logKey: string;
  readonly twin: boolean;
  readonly lang: 'en' | 'es';
  readonly theme: 'light' | 'dark' | 'auto';
  readonly blank: boolean;
}

export type PresenterMessage =
  | { readonly v: 1; readonly type: 'hello' }
  | { readonly v: 1; readonly type: 'bye' }
  | {
      readonly v: 1;
      readonly type: 'sync';
      readonly start: StartSpecLike;
      readonly log: readonly LogEntry[];
      readonly logKey: string;
    }
  | ({ readonly v: 1; readonly type: 'state'; readonly seq: number } & PlaybackSnapshot);

/** One channel per presenting session, so two presenters on one machine never cross. */
export function channelName(session: string): string {
  return `mklab:present:${session}`;
}

/**
 * A fingerprint of the log (length + FNV-1a of its JSON): the state message names the log it
 * belongs to, so the audience never seeks on a machine whose log differs from the presenter's.
 */
export function logKey(log: readonly LogEntry[]): string {
  const text = JSON.stringify(log);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${log.length}:${h.toString(16).padStart(8, '0')}`;
}

// ---- validation -------------------------------------------------------------------------------

type Obj = Readonly<Record<string, unknown>>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNat = (x: unknown, max = Number.MAX_SAFE_INTEGER): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= max;
const isShort = (x: unknown, max = 80): x is string =>
  typeof x === 'string' && x.length > 0 && x.length <= max;

function parseLesson(x: unknown): LessonPosition | null | undefined {
  if (x === null) return null;
  if (!isObj(x)) return undefined;
  const { slug, step, steps } = x;
  if (!isShort(slug) || !/^[a-z0-9-]+$/.test(slug)) return undefined;
  if (!isNat(steps, MAX_STEPS) || steps < 1 || !isNat(step) || step >= steps) return undefined;
  return { slug, step, steps };
}

function parseStart(x: unknown): StartSpecLike | null {
  if (!isObj(x)) return null;
  const { scenario, seed, lesson, step, version, twin } = x;
  // A preset id, or a scenario object (the sandbox's own): the worker validates its contents.
  if (!(isShort(scenario) || isObj(scenario))) return null;
  if (!isNat(seed)) return null;
  if (lesson !== undefined && !(isShort(lesson) && /^[a-z0-9-]+$/.test(lesson))) return null;
  if (step !== undefined && !isNat(step, MAX_STEPS)) return null;
  if (version !== undefined && !isShort(version, 20)) return null;
  if (twin !== undefined && typeof twin !== 'boolean') return null;
  return x as unknown as StartSpecLike;
}

function parseLog(x: unknown): readonly LogEntry[] | null {
  if (!Array.isArray(x) || x.length > MAX_LOG_ENTRIES) return null;
  for (const e of x as unknown[]) {
    if (!isObj(e) || !isNat(e.atNs)) return null;
    if (!isObj(e.input) || !isShort(e.input.type, 40)) return null;
  }
  return x as readonly LogEntry[];
}

function parseState(x: Obj): PresenterMessage | null {
  const lesson = parseLesson(x.lesson);
  if (lesson === undefined) return null;
  const { seq, t, playing, speedIndex, logLength, logKey: key, twin, lang, theme, blank } = x;
  if (!isNat(seq) || !isNat(t) || !isNat(speedIndex, MAX_SPEED_INDEX)) return null;
  if (!isNat(logLength, MAX_LOG_ENTRIES) || !isShort(key, 40)) return null;
  if (typeof playing !== 'boolean' || typeof twin !== 'boolean' || typeof blank !== 'boolean')
    return null;
  if (lang !== 'en' && lang !== 'es') return null;
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto') return null;
  return {
    v: 1,
    type: 'state',
    seq,
    lesson,
    t,
    playing,
    speedIndex,
    logLength,
    logKey: key,
    twin,
    lang,
    theme,
    blank,
  };
}

/** A received message, checked field by field; null for anything else. */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  if (!isObj(data) || data.v !== PRESENTER_PROTOCOL) return null;
  switch (data.type) {
    case 'hello':
      return { v: 1, type: 'hello' };
    case 'bye':
      return { v: 1, type: 'bye' };
    case 'state':
      return parseState(data);
    case 'sync': {
      const start = parseStart(data.start);
      const log = parseLog(data.log);
      if (!start || !log || !isShort(data.logKey, 40)) return null;
      // The key must describe this very log: a message assembled wrongly is refused whole.
      if (logKey(log) !== data.logKey) return null;
      if (JSON.stringify(start).length > MAX_SYNC_CHARS) return null;
      return { v: 1, type: 'sync', start, log, logKey: data.logKey };
    }
    default:
      return null;
  }
}

// ---- following ----------------------------------------------------------------------------------

/** How far (in wall seconds of play at the current speed) the audience may drift before a seek. */
export const DRIFT_WALL_S = 0.4;

/**
 * What the audience should do to match a state, given where it stands. Pure, so the rules are
 * tested apart from the channel: reload when it replays another log; when paused, stand at
 * exactly the presenter's time; when playing, let its own clock run and seek only on drift.
 */
export function planFollow(
  own: { readonly logKey: string | null; readonly t: number },
  remote: PlaybackSnapshot,
  speedNsPerS: number,
): { readonly reload: boolean; readonly seekTo: number | null } {
  if (own.logKey !== remote.logKey) return { reload: true, seekTo: null };
  if (!remote.playing) return { reload: false, seekTo: own.t === remote.t ? null : remote.t };
  const tolerance = Math.max(1, speedNsPerS * DRIFT_WALL_S);
  return { reload: false, seekTo: Math.abs(own.t - remote.t) > tolerance ? remote.t : null };
}
