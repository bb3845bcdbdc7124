import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CLASS_PROTOCOL,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type ClassAnswer,
  type ClassQuestion,
  type ClassReply,
  type ClassTally,
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

function roomCode(): string {
  // 32 symbols: the low five bits of a random byte pick one without bias.
  return Array.from(randomBytes(ROOM_CODE_LENGTH), (b) => ROOM_CODE_ALPHABET[b & 31]).join('');
}

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
      token: randomBytes(16).toString('base64url'),
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

/** The presenter's token, compared in constant time. */
export function isPresenterToken(room: Room, token: string): boolean {
  const a = Buffer.from(room.token);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
  const refused = (why: 'closed' | 'choice' | 'duplicate'): ClassReply => ({
    v: CLASS_PROTOCOL,
    type: 'refused',
    why,
  });
  if (!question || question.id !== answer.question || question.revealed) return refused('closed');
  if (answer.choice >= question.choices) return refused('choice');
  let byStudent = room.answers.get(question.id);
  if (!byStudent) room.answers.set(question.id, (byStudent = new Map()));
  if (byStudent.has(student)) return refused('duplicate');
  byStudent.set(student, answer.choice);
  if (answer.nick) room.nicks.set(student, answer.nick);
  return { v: CLASS_PROTOCOL, type: 'answered', question: question.id, choice: answer.choice };
}

/** How many chose each option of the room's question, and how many answered. */
export function tallyOf(room: Room, question: ClassQuestion, present: number): ClassTally {
  const counts = Array.from({ length: question.choices }, () => 0);
  const byStudent = room.answers.get(question.id);
  for (const choice of byStudent?.values() ?? []) counts[choice] = (counts[choice] ?? 0) + 1;
  return { question: question.id, counts, answered: byStudent?.size ?? 0, present };
}
