import type { Extension } from '@hocuspocus/server';
import type { ClassAnswer, ClassQuestion, ClassReply, ClassTally } from '../../src/contract';
import { isPresenterToken, Rooms, takeAnswer, tallyOf } from './rooms';

/**
 * Where a session server keeps its rooms: the codes, the presenters' tokens, the answers and
 * who is present. One node keeps them in its memory (MemoryRoomStore); several nodes share
 * them in Redis (redis-rooms.ts), so a room made on one node takes students on any other, one
 * answer per student counts whichever node took it, and the tally counts the whole room.
 * Every call is async: the shared store is across the network.
 */
export interface RoomStore {
  create(): Promise<{ readonly code: string; readonly token: string } | null>;
  exists(code: string): Promise<boolean>;
  isPresenter(code: string, token: string): Promise<boolean>;
  /** Ends a room; every node then closes its connections to it (`onEnded`). */
  end(code: string): Promise<void>;
  /** This node's connections to the room now, and how many of them are students. */
  present(code: string, connections: number, students: number): Promise<void>;
  /** An answer that passed the contract's validator: taken once per student and question. */
  answer(
    code: string,
    student: string,
    answer: ClassAnswer,
    question: ClassQuestion | null,
  ): Promise<ClassReply>;
  /** The room's tally for the question, counting the students present on every node. */
  tally(code: string, question: ClassQuestion): Promise<ClassTally | null>;
  /** To the presenters of the room, on whichever node they are (a nickname: never to students). */
  roster(code: string, message: string): Promise<void>;
  /** Forget rooms idle past the store's time. */
  sweep(): Promise<void>;
  /** How many rooms are open (on every node). */
  count(): Promise<number>;
  onEnded(listener: (code: string) => void): void;
  onRoster(listener: (code: string, message: string) => void): void;
  close(): Promise<void>;
}

/** One node's rooms, in its memory: nothing on disk, gone when the process ends. */
export class MemoryRoomStore implements RoomStore {
  private readonly rooms = new Rooms();
  private readonly students = new Map<string, number>();
  private readonly ended: ((code: string) => void)[] = [];
  private readonly rostered: ((code: string, message: string) => void)[] = [];

  constructor(private readonly idleMs: number) {}

  async create() {
    const room = this.rooms.create(Date.now());
    return room && { code: room.code, token: room.token };
  }

  async exists(code: string) {
    return this.rooms.get(code) !== undefined;
  }

  async isPresenter(code: string, token: string) {
    const room = this.rooms.get(code);
    return room !== undefined && isPresenterToken(room, token);
  }

  async end(code: string) {
    this.rooms.end(code);
    this.students.delete(code);
    for (const l of this.ended) l(code);
  }

  async present(code: string, connections: number, students: number) {
    const room = this.rooms.get(code);
    if (!room) return;
    room.emptySince = connections === 0 ? Date.now() : null;
    this.students.set(code, students);
  }

  async answer(code: string, student: string, answer: ClassAnswer, question: ClassQuestion | null) {
    const room = this.rooms.get(code);
    if (!room) return { v: 1, type: 'refused', why: 'closed' } as const;
    return takeAnswer(room, student, answer, question);
  }

  async tally(code: string, question: ClassQuestion) {
    const room = this.rooms.get(code);
    return room ? tallyOf(room, question, this.students.get(code) ?? 0) : null;
  }

  async roster(code: string, message: string) {
    for (const l of this.rostered) l(code, message);
  }

  async sweep() {
    for (const code of this.rooms.sweep(Date.now(), this.idleMs)) this.students.delete(code);
  }

  async count() {
    return this.rooms.size;
  }

  onEnded(listener: (code: string) => void) {
    this.ended.push(listener);
  }

  onRoster(listener: (code: string, message: string) => void) {
    this.rostered.push(listener);
  }

  async close() {}
}

/** One node: rooms in memory. Several: rooms in Redis, and the documents' updates through it. */
export async function roomsFor(
  redis: { readonly host: string; readonly port: number } | undefined,
  idleMs: number,
): Promise<{ store: RoomStore; extensions: Extension[] }> {
  if (!redis) return { store: new MemoryRoomStore(idleMs), extensions: [] };
  const [{ RedisRoomStore, redisClient }, { Redis }] = await Promise.all([
    import('./redis-rooms'),
    import('@hocuspocus/extension-redis'),
  ]);
  return {
    store: await RedisRoomStore.connect(redis, idleMs),
    extensions: [
      new Redis({
        host: redis.host,
        port: redis.port,
        prefix: 'mklab:class:doc',
        createClient: () => redisClient(redis),
      }),
    ],
  };
}
