import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLASS_PROTOCOL, type ClassAnswer, type ClassQuestion } from '../../../src/contract';
import { classServer, client, studentId, type Client } from './room-harness';
import { startRedis, type TestRedis } from './redis-harness';

// docs/classroom.md, "Several nodes": two session servers sharing one Redis (the test's own, on
// 127.0.0.1), a room made on one, the teacher on it and students on both. What a school behind
// a load balancer would notice: students on either node follow the teacher; one answer per
// student counts whichever node takes it; the projector's tally counts the whole room; a
// nickname reaches the teacher on the other node; ending the class ends it on both.

const WAIT = { timeout: 8000, interval: 20 };
const q = (id: string): ClassQuestion => ({ id, choices: 3, answer: null, revealed: false });
const vote = (question: string, choice: number, nick?: string): ClassAnswer => ({
  v: CLASS_PROTOCOL,
  type: 'answer',
  question,
  choice,
  ...(nick ? { nick } : {}),
});
const stateOf = (c: Client) => (c.read().state as { t?: number } | null)?.t;

let redis: TestRedis;
let nodes: Awaited<ReturnType<typeof classServer>>[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const at = { host: redis.host, port: redis.port };
  nodes = [await classServer({ redis: at }), await classServer({ redis: at })];
}, 30_000);

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const n of nodes) await n.stop();
  await redis?.stop();
}, 30_000);

function join(node: number, code: string, token: string): Client {
  const c = client(nodes[node]!.port, code, token);
  clients.push(c);
  return c;
}

describe('several session nodes sharing Redis', () => {
  it('a room made on one node works on both: following, answers, tally, nickname, end', async () => {
    const [a, b] = nodes;
    if (!a || !b) throw new Error('no nodes');
    const room = (await a.createRoom())!;
    const teacher = join(0, room.code, `p:${room.token}`);
    await vi.waitFor(() => expect(teacher.status).toBe('connected'), WAIT);
    // The presenter's token is checked on the other node too; a wrong one is refused there.
    const impostor = join(1, room.code, 'p:not-the-token');
    const onA = join(0, room.code, `s:${studentId()}`);
    const onB = [join(1, room.code, `s:${studentId()}`), join(1, room.code, `s:${studentId()}`)];
    await vi.waitFor(() => expect(impostor.statuses).toContain('refused:token'), WAIT);
    teacher.publish({ state: { t: 5 } as never, question: q('crash:0') });
    await vi.waitFor(() => expect([onA, ...onB].map(stateOf)).toEqual([5, 5, 5]), WAIT);
    await vi.waitFor(() => expect(onB[1]!.read().question?.id).toBe('crash:0'), WAIT);

    onA.answer(vote('crash:0', 1));
    onB[0]!.answer(vote('crash:0', 2, 'Lucía'));
    onB[1]!.answer(vote('crash:0', 2));
    onB[1]!.answer(vote('crash:0', 0)); // a second vote, on the same node
    await vi.waitFor(
      () => expect(onA.replies.length + onB[0]!.replies.length + onB[1]!.replies.length).toBe(4),
      WAIT,
    );
    expect(onB[1]!.replies.map((r) => r.type)).toEqual(['answered', 'refused']);
    // The tally on the projector counts answers and students of both nodes.
    await vi.waitFor(
      () =>
        expect(teacher.read().tally).toEqual({
          question: 'crash:0',
          counts: [0, 1, 2],
          answered: 3,
          present: 3,
        }),
      WAIT,
    );
    await vi.waitFor(() => expect(onB[0]!.read().tally?.answered).toBe(3), WAIT);
    // Lucía's nickname crossed to the teacher's node, and to no student.
    await vi.waitFor(
      () =>
        expect(teacher.replies).toEqual([
          { v: 1, type: 'roster', question: 'crash:0', nick: 'Lucía', choice: 2 },
        ]),
      WAIT,
    );
    expect(JSON.stringify([onA, ...onB].map((c) => c.replies))).not.toContain('Lucía');

    // Ending the class on the teacher's node tells the students on both that it has ended.
    const ended = await fetch(`http://127.0.0.1:${a.port}/class/rooms/${room.code}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${room.token}` },
    });
    expect(ended.status).toBe(200);
    await vi.waitFor(
      () =>
        expect([onA, ...onB].map((c) => c.statuses.at(-1))).toEqual(Array(3).fill('refused:ended')),
      WAIT,
    );
    const late = join(1, room.code, `s:${studentId()}`);
    await vi.waitFor(() => expect(late.statuses).toContain('refused:no-room'), WAIT);
  }, 40_000);

  it('a duplicate vote sent to the other node is refused: one answer per student, room-wide', async () => {
    const [a, b] = nodes;
    if (!a || !b) throw new Error('no nodes');
    const room = (await b.createRoom())!;
    const teacher = join(1, room.code, `p:${room.token}`);
    await vi.waitFor(() => expect(teacher.status).toBe('connected'), WAIT);
    teacher.publish({ question: q('roots:2') });
    // One student's tab, reconnected through the balancer to the other node.
    const id = studentId();
    const first = join(0, room.code, `s:${id}`);
    await vi.waitFor(() => expect(first.read().question?.id).toBe('roots:2'), WAIT);
    first.answer(vote('roots:2', 0));
    await vi.waitFor(() => expect(first.replies).toHaveLength(1), WAIT);
    first.destroy();
    const again = join(1, room.code, `s:${id}`);
    await vi.waitFor(() => expect(again.read().question?.id).toBe('roots:2'), WAIT);
    again.answer(vote('roots:2', 1));
    await vi.waitFor(
      () => expect(again.replies).toEqual([{ v: 1, type: 'refused', why: 'duplicate' }]),
      WAIT,
    );
    await vi.waitFor(() => expect(teacher.read().tally?.counts).toEqual([1, 0, 0]), WAIT);
  }, 40_000);

  it('a node whose Redis is gone answers a new room with 503, not silence', async () => {
    const gone = await startRedis();
    const node = await classServer({ redis: { host: gone.host, port: gone.port } });
    try {
      await gone.stop();
      const made = await fetch(`http://127.0.0.1:${node.port}/class/rooms`, {
        method: 'POST',
        signal: AbortSignal.timeout(15_000),
      });
      expect(made.status).toBe(503);
    } finally {
      await node.stop();
    }
  }, 40_000);
});
