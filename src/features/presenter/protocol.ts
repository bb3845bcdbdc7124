import {
  MAX_SYNC_CHARS,
  type LogEntry,
  type PlaybackSnapshot,
  type PresenterMessage,
} from '../../contract';
import { checkPresenterMessage } from '../../contract/validate/presenter-message';
import { stepsOf } from '../../app/lesson-bounds';

/**
 * The presenter ↔ audience protocol (DESIGN §7): messages on one BroadcastChannel per presenting
 * session. Pure: no DOM, no channel; `parsePresenterMessage` is the only way a received message
 * gets in, and anything it does not recognise is dropped (an old tab of the app, a future
 * version, a stray script on the same origin). The messages' types and checks are the
 * contract's (src/contract/channels.ts, src/contract/validate/presenter-message.ts).
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

/** A received message, checked field by field; null for anything else. */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  const m = checkPresenterMessage(data, stepsOf);
  if (m?.type !== 'sync') return m;
  // The key must describe this very log: a message assembled wrongly is refused whole.
  if (logKey(m.log) !== m.logKey) return null;
  if (JSON.stringify(m.start).length > MAX_SYNC_CHARS) return null;
  return m;
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
