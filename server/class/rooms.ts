import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CLASS_PROTOCOL,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type ClassAnswer,
  type ClassQuestion,
  type ClassReply,
  type ClassTally,
  type RefusedWhy,
} from '../../src/contract/class-session';

/**
 * The rooms a session server holds, in memory only (nothing on disk: when the process ends, the
 * class is gone). A room is made by a presenter, who gets its code (for students) and a token
 * the code does not give (to publish). Answers are kept per question and student id, so a
 * second answer from one student is refused rather than counted.
 */

/** More rooms than a school runs at once; past this, making one is refused (a runaway script). */
export const MAX_ROOMS = 500;

export interface Room {
  readonly code: string;
  readonly token: string;
  /** question id → student id → choice */
  readonly answers: Map<string, Map<string, number>>;
  /** student id → the nickname they gave with an answer (optional) */
  readonly nicks: Map<string, string>;
  /** When the room last had nobody connected (ms), or null while someone is. */
  emptySince: number | null;
}

export function roomCode(): string {
  // 32 symbols: the low five bits of a random byte pick one without bias.
  return Array.from(randomBytes(ROOM_CODE_LENGTH), (b) => ROOM_CODE_ALPHABET[b & 31]).join('');
}

/** 16 random bytes: what lets a presenter publish (the room code does not give it). */
export const presenterToken = (): string => randomBytes(16).toString('base64url');

export class Rooms {
  private readonly rooms = new Map<string, Room>();

  get size(): number {
    return this.rooms.size;
  }

  create(now: number): Room | null {
    if (this.rooms.size >= MAX_ROOMS) return null;
    let code = roomCode();
    while (this.rooms.has(code)) code = roomCode();
    const room: Room = {
      code,
      token: presenterToken(),
      answers: new Map(),
      nicks: new Map(),
      emptySince: now,
    };
    this.rooms.set(code, room);
    return room;
  }

  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  end(code: string): void {
    this.rooms.delete(code);
  }

  /** Rooms nobody has been in for `idleMs` are forgotten (a class that ended without "End"). */
  sweep(now: number, idleMs: number): string[] {
    const gone: string[] = [];
    for (const [code, room] of this.rooms)
      if (room.emptySince !== null && now - room.emptySince > idleMs) gone.push(code);
    for (const code of gone) this.rooms.delete(code);
    return gone;
  }
}

/** A presenter's token against the room's, compared in constant time. */
export function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The presenter's token, compared in constant time. */
export function isPresenterToken(room: Room, token: string): boolean {
  return sameToken(room.token, token);
}

/** Why an answer to the question asked now cannot be taken (before who sent it is looked at). */
export function answerRefusal(
  answer: ClassAnswer,
  question: ClassQuestion | null,
): 'closed' | 'choice' | null {
  if (!question || question.id !== answer.question || question.revealed) return 'closed';
  if (answer.choice >= question.choices) return 'choice';
  return null;
}

export const refused = (why: RefusedWhy): ClassReply => ({
  v: CLASS_PROTOCOL,
  type: 'refused',
  why,
});
export const answered = (question: string, choice: number): ClassReply => ({
  v: CLASS_PROTOCOL,
  type: 'answered',
  question,
  choice,
});

/**
 * Take a (validated) answer for the question the room is asked now: refused when no question
 * is open, the question has been revealed, the choice is not one of its choices, or this
 * student answered it already.
 */
export function takeAnswer(
  room: Room,
  student: string,
  answer: ClassAnswer,
  question: ClassQuestion | null,
): ClassReply {
  const why = answerRefusal(answer, question);
  if (why || !question) return refused(why ?? 'closed');
  let byStudent = room.answers.get(question.id);
  if (!byStudent) room.answers.set(question.id, (byStudent = new Map()));
  if (byStudent.has(student)) return refused('duplicate');
  byStudent.set(student, answer.choice);
  if (answer.nick) room.nicks.set(student, answer.nick);
  return answered(question.id, answer.choice);
}

/** How many chose each option of a question, from every answer's choice, and how many answered. */
export function countTally(
  question: ClassQuestion,
  choices: readonly number[],
  present: number,
): ClassTally {
  const counts = Array.from({ length: question.choices }, () => 0);
  for (const choice of choices) counts[choice] = (counts[choice] ?? 0) + 1;
  return { question: question.id, counts, answered: choices.length, present };
}

/** How many chose each option of the room's question, and how many answered. */
export function tallyOf(room: Room, question: ClassQuestion, present: number): ClassTally {
  return countTally(question, [...(room.answers.get(question.id)?.values() ?? [])], present);
}
