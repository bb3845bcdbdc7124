import type { PresenterMessage } from './channels';

// A live class (issue 13, docs/classroom.md): the presenter's lab is published to a room on a
// session server (Hocuspocus + Yjs); students follow it and answer the step's prediction.
// Types, sizes and the room code's alphabet only: the checks are in ./validate/class-message.ts,
// run by the page and by the server alike.

export const CLASS_PROTOCOL = 1;

/**
 * Crockford's base32: no I, L, O or U, so a code read off a projector is typed right. Ten
 * characters are 50 bits: against a server that answers a guess per millisecond, a given room
 * is found by chance once in about 18,000 years of trying.
 */
export const ROOM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ROOM_CODE_LENGTH = 10;
/** A student's id (random, kept by their tab): one answer per id and question. */
export const STUDENT_ID_LENGTH = 22;
export const MAX_CHOICES = 8;
export const MAX_NICK = 24;
export const MAX_QUESTION_ID = 64;

/**
 * A code as typed: case, spaces and dashes do not matter, and the letters a person confuses
 * with digits (O, I, L) read as the digits. Null when it cannot be a code.
 */
export function normalizeRoomCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== ROOM_CODE_LENGTH) return null;
  for (const c of code) if (!ROOM_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** Shown as two groups of five, as it is read aloud. */
export function formatRoomCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The question the room is asked now (the presenter writes it; 0-based choices). */
export interface ClassQuestion {
  readonly id: string;
  readonly choices: number;
  /** The right choice, published only with the reveal (before it, null; null too if none). */
  readonly answer: number | null;
  readonly revealed: boolean;
}

/** The room's answers to one question (the server writes it). */
export interface ClassTally {
  readonly question: string;
  readonly counts: readonly number[];
  readonly answered: number;
  /** Students connected now. */
  readonly present: number;
}

/** Student → server, as a stateless message: never a write to the shared document. */
export interface ClassAnswer {
  readonly v: typeof CLASS_PROTOCOL;
  readonly type: 'answer';
  readonly question: string;
  readonly choice: number;
  readonly nick?: string;
}

export type RefusedWhy = 'invalid' | 'closed' | 'choice' | 'duplicate';

/** Server → one student: what became of their answer (and → the presenter: who answered). */
export type ClassReply =
  | {
      readonly v: typeof CLASS_PROTOCOL;
      readonly type: 'answered';
      readonly question: string;
      readonly choice: number;
    }
  | { readonly v: typeof CLASS_PROTOCOL; readonly type: 'refused'; readonly why: RefusedWhy }
  /** To the presenter only: a student who gave a nickname answered (for the teacher's CSV). */
  | {
      readonly v: typeof CLASS_PROTOCOL;
      readonly type: 'roster';
      readonly question: string;
      readonly nick: string;
      readonly choice: number;
    };

/** Why the server closes a student's connection when the teacher ends the class. */
export const CLASS_ENDED = 'class-ended';

/** The names of what the presenter publishes in the room's shared map. */
export const ROOM_KEYS = {
  sync: 'sync',
  state: 'state',
  question: 'question',
  tally: 'tally',
} as const;

export type ClassSync = Extract<PresenterMessage, { type: 'sync' }>;
export type ClassState = Extract<PresenterMessage, { type: 'state' }>;
