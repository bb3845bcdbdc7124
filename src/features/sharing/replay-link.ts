import {
  MAX_REPLAY_CHARS,
  type Checked,
  type FileProblem,
  type Replay,
  type ReplayConfig,
  type ReplayLink,
} from '../../contract';
import { checkLinkParams, checkReplay } from '../../contract/validate/replay-link';
import { stepsOf } from '../../app/lesson-bounds';

/**
 * Replay links (DESIGN §7). The address says where to look, readable by a person:
 * `?lesson=<slug>&step=<1-based>` or `?scenario=<preset>`, then `&lang=`, `&seed=`, `&t=<ns>`;
 * the fragment `#r=` carries the run itself: base64url of the JSON `{schema, engine, config, log}`
 * (config = the start spec; log = the engine's input log). Opening it replays the log to `t`.
 * The codec lives here; what a link may say is the contract's (src/contract/validate). Pure: no
 * DOM, so tests and scripts use it as the page does.
 */

const damaged = (): { ok: false; problem: FileProblem } => ({
  ok: false,
  problem: { path: 'r', code: 'malformed', params: {} },
});

export function base64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url payload, or null when it does not decode (to UTF-8). */
function base64urlDecode(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const pad = '='.repeat((4 - (s.length % 4)) % 4);
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + pad);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
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

/**
 * Decode and check a `#r=` payload. An unknown schema (a newer app's link) is refused; another
 * engine version is accepted (the caller replays it with a notice).
 */
export function decodeReplay(r: string): Checked<Replay> {
  if (r.length > MAX_REPLAY_CHARS) {
    const params = { size: Math.ceil(r.length / 1024), max: MAX_REPLAY_CHARS / 1024 };
    return { ok: false, problem: { path: 'r', code: 'too-big', params } };
  }
  const text = base64urlDecode(r);
  if (text === null) return damaged();
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return damaged();
  }
  return checkReplay(data, stepsOf);
}

/** Read a link's address (`search` with `?`, `hash` with `#`): null when it carries no `#r=`. */
export function readReplayLink(search: string, hash: string): Checked<ReplayLink> | null {
  const r = new URLSearchParams(hash.replace(/^#/, '')).get('r');
  if (r === null) return null;
  const decoded = decodeReplay(r);
  if (!decoded.ok) return decoded;
  const replay = decoded.value;
  const params = Object.fromEntries(new URLSearchParams(search));
  const where = checkLinkParams(params, replay, stepsOf);
  return where.ok ? { ok: true, value: { replay, ...where.value } } : where;
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
