import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { ClassAnswer, ClassQuestion } from '../../src/contract';
import type { RoomStore } from './room-store';
import {
  answered,
  answerRefusal,
  countTally,
  MAX_ROOMS,
  presenterToken,
  refused,
  roomCode,
  sameToken,
} from './rooms';

/**
 * The rooms of several session nodes, shared in Redis (docs/classroom.md, "Several nodes"): a
 * room made on one node is known to all; an answer is taken by HSETNX, so a student's second
 * answer is refused whichever node it reaches; each node writes how many students it has, and
 * the tally adds them up. Ending a room and a nickname for the teacher travel on a Redis
 * channel to every node. Every key expires once the room has been idle for `idleMs`: Redis
 * keeps nothing of a class after it (and nothing on disk unless Redis itself is set to save).
 */

const PREFIX = 'mklab:class:';
const key = {
  room: (code: string) => `${PREFIX}room:${code}`,
  rooms: `${PREFIX}rooms`,
  answers: (code: string, question: string) => `${PREFIX}answers:${code}:${question}`,
  nicks: (code: string) => `${PREFIX}nicks:${code}`,
  present: (code: string) => `${PREFIX}present:${code}`,
  questions: (code: string) => `${PREFIX}questions:${code}`,
  channel: `${PREFIX}events`,
};

type Event =
  | { readonly type: 'end'; readonly code: string }
  | { readonly type: 'roster'; readonly code: string; readonly message: string };

/**
 * A Redis client that says when Redis is out of reach — once (ioredis retries by itself), and
 * again when it is back — instead of ioredis's "Unhandled error event" at every retry. The
 * Hocuspocus Redis extension's clients are made here too.
 */
export function redisClient(
  url: { readonly host: string; readonly port: number },
  options: RedisOptions = {},
): Redis {
  const client = new Redis({ ...url, ...options });
  let down = '';
  client.on('error', (e: Error) => {
    if (e.message !== down) console.error(`class server: Redis: ${(down = e.message)}`);
  });
  client.on('ready', () => {
    if (down) console.error('class server: Redis is back');
    down = '';
  });
  return client;
}

export class RedisRoomStore implements RoomStore {
  private readonly redis: Redis;
  private readonly sub: Redis;
  /** This node's name in a room's `present` hash. */
  private readonly node = randomBytes(8).toString('hex');
  /** Rooms this node has connections to: their keys are kept alive while anyone is there. */
  private readonly here = new Set<string>();
  private readonly ended: ((code: string) => void)[] = [];
  private readonly rostered: ((code: string, message: string) => void)[] = [];

  private constructor(
    url: { readonly host: string; readonly port: number },
    private readonly idleMs: number,
  ) {
    this.redis = redisClient(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.sub = redisClient(url, { lazyConnect: true });
  }

  static async connect(
    url: { readonly host: string; readonly port: number },
    idleMs: number,
  ): Promise<RedisRoomStore> {
    const store = new RedisRoomStore(url, idleMs);
    await store.redis.connect();
    await store.sub.connect();
    store.sub.on('message', (_channel: string, raw: string) => store.event(raw));
    await store.sub.subscribe(key.channel);
    return store;
  }

  private event(raw: string): void {
    let e: Event;
    try {
      e = JSON.parse(raw) as Event;
    } catch {
      return;
    }
    if (e.type === 'end') {
      this.here.delete(e.code);
      for (const l of this.ended) l(e.code);
    } else if (e.type === 'roster') for (const l of this.rostered) l(e.code, e.message);
  }

  /** Every key of a room lives `idleMs` past its last activity. */
  private async keepAlive(code: string): Promise<void> {
    const questions = await this.redis.smembers(key.questions(code));
    const tx = this.redis.multi();
    for (const k of [key.room(code), key.nicks(code), key.present(code), key.questions(code)])
      tx.pexpire(k, this.idleMs);
    for (const q of questions) tx.pexpire(key.answers(code, q), this.idleMs);
    tx.zadd(key.rooms, Date.now() + this.idleMs, code);
    await tx.exec();
  }

  async create() {
    if ((await this.count()) >= MAX_ROOMS) return null;
    const token = presenterToken();
    for (;;) {
      const code = roomCode();
      // NX: a code already in use (50 bits: practically never) is drawn again.
      if ((await this.redis.set(key.room(code), token, 'PX', this.idleMs, 'NX')) !== 'OK') continue;
      await this.redis.zadd(key.rooms, Date.now() + this.idleMs, code);
      return { code, token };
    }
  }

  async exists(code: string) {
    return (await this.redis.exists(key.room(code))) === 1;
  }

  async isPresenter(code: string, token: string) {
    const expected = await this.redis.get(key.room(code));
    return expected !== null && sameToken(expected, token);
  }

  async end(code: string) {
    const questions = await this.redis.smembers(key.questions(code));
    await this.redis.del(
      key.room(code),
      key.nicks(code),
      key.present(code),
      key.questions(code),
      ...questions.map((q) => key.answers(code, q)),
    );
    await this.redis.zrem(key.rooms, code);
    await this.redis.publish(key.channel, JSON.stringify({ type: 'end', code } satisfies Event));
  }

  async present(code: string, connections: number, students: number) {
    if (connections > 0) this.here.add(code);
    else this.here.delete(code);
    if (!(await this.exists(code))) return;
    await this.redis.hset(key.present(code), this.node, students);
    await this.keepAlive(code);
  }

  async answer(code: string, student: string, answer: ClassAnswer, question: ClassQuestion | null) {
    const why = answerRefusal(answer, question);
    if (why || !question) return refused(why ?? 'closed');
    if (!(await this.exists(code))) return refused('closed');
    await this.redis.sadd(key.questions(code), question.id);
    const taken = await this.redis.hsetnx(key.answers(code, question.id), student, answer.choice);
    if (taken === 0) return refused('duplicate');
    if (answer.nick) await this.redis.hset(key.nicks(code), student, answer.nick);
    await this.keepAlive(code);
    return answered(question.id, answer.choice);
  }

  async tally(code: string, question: ClassQuestion) {
    if (!(await this.exists(code))) return null;
    const choices = (await this.redis.hvals(key.answers(code, question.id))).map(Number);
    const present = (await this.redis.hvals(key.present(code))).reduce((n, s) => n + Number(s), 0);
    return countTally(question, choices, present);
  }

  async roster(code: string, message: string) {
    await this.redis.publish(
      key.channel,
      JSON.stringify({ type: 'roster', code, message } satisfies Event),
    );
  }

  async sweep() {
    // Redis forgets idle rooms itself (their keys expire); a room someone is in stays alive.
    for (const code of this.here) await this.keepAlive(code);
    await this.redis.zremrangebyscore(key.rooms, '-inf', Date.now());
  }

  async count() {
    await this.redis.zremrangebyscore(key.rooms, '-inf', Date.now());
    return this.redis.zcard(key.rooms);
  }

  onEnded(listener: (code: string) => void) {
    this.ended.push(listener);
  }

  onRoster(listener: (code: string, message: string) => void) {
    this.rostered.push(listener);
  }

  async close() {
    this.sub.disconnect();
    await this.redis.quit();
  }
}
