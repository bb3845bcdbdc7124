import { createStore } from 'zustand/vanilla';
import type { ClassQuestion, ClassTally, RefusedWhy } from '../../contract';

/**
 * The live class as this window sees it (issue 13): a student following a room, or the
 * teacher running one. Small and in the main bundle (the lesson player reads `holdVerdict`);
 * the session code itself loads only when a class starts.
 */
export interface ClassState {
  readonly role: 'off' | 'student' | 'teacher';
  readonly code: string | null;
  /** The students' short address (teacher; and on the projector). */
  readonly url: string | null;
  readonly link: 'off' | 'connecting' | 'connected' | 'unreachable' | 'refused';
  /** Why the server refused (`no-room`, `token`) or could not be reached (the address). */
  readonly why: string | null;
  /** Student: the lab follows the teacher's; false after "Break away". */
  readonly following: boolean;
  readonly question: ClassQuestion | null;
  readonly tally: ClassTally | null;
  /** Student: the answer the server took for the question asked now. */
  readonly mine: { readonly question: string; readonly choice: number } | null;
  readonly refused: RefusedWhy | null;
  /** Teacher: the last tally of every question asked in this class, for the CSV. */
  readonly history: Readonly<Record<string, ClassTally>>;
  /** Teacher: the answers of students who gave a nickname (for the CSV; shown nowhere else). */
  readonly roster: readonly RosterEntry[];
}

export interface RosterEntry {
  readonly question: string;
  readonly nick: string;
  readonly choice: number;
}

export const classStore = createStore<ClassState>(() => ({
  role: 'off',
  code: null,
  url: null,
  link: 'off',
  why: null,
  following: true,
  question: null,
  tally: null,
  mine: null,
  refused: null,
  history: {},
  roster: [],
}));

/**
 * A student in a class does not see whether their prediction matched until the teacher
 * reveals the answer (the room would otherwise tell each other before the tally).
 */
export function holdVerdict(s: ClassState): boolean {
  return s.role === 'student' && s.following && s.question?.revealed !== true;
}
