import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLASS_PROTOCOL, type ClassAnswer, type ClassQuestion } from '../../../src/contract';
import { classServer, client, relay, studentId, type Client } from './room-harness';

// The live class's session server (issue 13) on 127.0.0.1, with the page's own room client:
// who may publish, what a student may not do, how answers are counted, and a dropped client
// coming back. Every wait is on state (vi.waitFor), bounded.

const WAIT = { timeout: 5000, interval: 10 };
const open: { stop: () => Promise<unknown> }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of open.splice(0)) await s.stop();
});

async function room(opts: Parameters<typeof classServer>[0] = {}) {
  const server = await classServer(opts);
  open.push(server);
  const r = (await server.createRoom())!;
  const join = (token: string, port = server.port) => {
    const c = client(port, r.code, token);
    clients.push(c);
    return c;
  };
  const presenter = join(`p:${r.token}`);
  await vi.waitFor(() => expect(presenter.status).toBe('connected'), WAIT);
  return { server, code: r.code, token: r.token, presenter, join };
}

const question = (id: string, revealed = false): ClassQuestion => ({
  id,
  choices: 3,
  answer: revealed ? 1 : null,
  revealed,
});
const answer = (q: string, choice: number, nick?: string): ClassAnswer => ({
  v: CLASS_PROTOCOL,
  type: 'answer',
  question: q,
  choice,
  ...(nick ? { nick } : {}),
});
/** The status of a GET for `path` sent as it is (fetch would tidy the address first). */
const rawGet = (port: number, path: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
const stateOf = (c: Client) => (c.read().state as { t?: number } | null)?.t;
const publishT = (c: Client, t: number) => c.publish({ state: { t } as never });

describe('the class session server', () => {
  it('lets the token holder publish, and students read what was published', async () => {
    const { presenter, join } = await room();
    publishT(presenter, 42);
    const students = [join(`s:${studentId()}`), join(`s:${studentId()}`)];
    await vi.waitFor(() => expect(students.map(stateOf)).toEqual([42, 42]), WAIT);
    publishT(presenter, 43);
    await vi.waitFor(() => expect(students.map(stateOf)).toEqual([43, 43]), WAIT);
  });

  it('refuses a wrong token, an unknown room and a malformed student id', async () => {
    const { server, code, join } = await room();
    const wrong = join('p:not-the-token');
    const forged = join('s:short');
    const lost = client(server.port, 'ZZZZZZZZZZ', `s:${studentId()}`);
    clients.push(lost);
    await vi.waitFor(() => {
      expect(wrong.statuses).toContain('refused:token');
      expect(forged.statuses).toContain('refused:token');
      expect(lost.statuses).toContain('refused:no-room');
    }, WAIT);
    expect(server.stats().authRefused).toBeGreaterThanOrEqual(3);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('answers a request that is not an address with 400, and goes on serving', async () => {
    const { server, presenter, join } = await room();
    // "//" cannot be read as a URL: once a 503 ("the store cannot answer") with an error logged.
    expect(await rawGet(server.port, '//')).toBe(400);
    publishT(presenter, 7);
    const student = join(`s:${studentId()}`);
    await vi.waitFor(() => expect(stateOf(student)).toBe(7), WAIT);
  });

  it("never takes a student's write to the shared document", async () => {
    const { server, presenter, join } = await room();
    publishT(presenter, 1);
    const cheat = join(`s:${studentId()}`);
    const other = join(`s:${studentId()}`);
    await vi.waitFor(() => expect([stateOf(cheat), stateOf(other)]).toEqual([1, 1]), WAIT);
    publishT(cheat, 999);
    cheat.publish({ question: question('forged') });
    await vi.waitFor(() => expect(server.stats().studentWrites).toBeGreaterThanOrEqual(1), WAIT);
    publishT(presenter, 2);
    await vi.waitFor(() => expect(stateOf(other)).toBe(2), WAIT);
    expect(stateOf(presenter)).toBe(2);
    expect(other.read().question).toBeNull();
  });

  it('counts one answer per student and question, and refuses the rest by name', async () => {
    const { server, presenter, join } = await room();
    presenter.publish({ question: question('crash:0') });
    const [a, b] = [join(`s:${studentId()}`), join(`s:${studentId()}`)];
    await vi.waitFor(() => expect(b.read().question?.id).toBe('crash:0'), WAIT);
    a.answer(answer('crash:0', 2, 'Ana'));
    b.answer(answer('crash:0', 2));
    a.answer(answer('crash:0', 0)); // a second vote
    a.answer(answer('other:1', 0)); // not the question asked
    b.answer(answer('crash:0', 7)); // a choice the question does not have
    for (const bad of ['', '{', 'null', '{"v":1,"type":"answer"}', 'x'.repeat(600)]) b.sendRaw(bad);
    await vi.waitFor(() => expect(a.replies.length + b.replies.length).toBe(10), WAIT);
    // Ana's nickname went to the presenter alone.
    await vi.waitFor(
      () =>
        expect(presenter.replies).toEqual([
          { v: 1, type: 'roster', question: 'crash:0', nick: 'Ana', choice: 2 },
        ]),
      WAIT,
    );
    expect(JSON.stringify([a.replies, b.replies])).not.toContain('Ana');
    expect(server.stats()).toMatchObject({
      answers: 2,
      refused: { duplicate: 1, closed: 1, choice: 1, invalid: 5 },
    });
    await vi.waitFor(
      () =>
        expect(presenter.read().tally).toEqual({
          question: 'crash:0',
          counts: [0, 0, 2],
          answered: 2,
          present: 2,
        }),
      WAIT,
    );
    // After the reveal the tally stays; a late answer is refused.
    presenter.publish({ question: question('crash:0', true) });
    const late = join(`s:${studentId()}`);
    await vi.waitFor(() => expect(late.read().question?.revealed).toBe(true), WAIT);
    late.answer(answer('crash:0', 1));
    await vi.waitFor(() => expect(server.stats().refused.closed).toBe(2), WAIT);
    await vi.waitFor(() => expect(presenter.read().tally?.present).toBe(3), WAIT);
    expect(late.read().tally?.counts).toEqual([0, 0, 2]);
  });

  it('disconnects a client past its message rate and keeps the others following', async () => {
    const { server, presenter, join } = await room({ studentRate: { perS: 5, burst: 10 } });
    const flood = join(`s:${studentId()}`);
    const calm = join(`s:${studentId()}`);
    await vi.waitFor(() => expect([flood.status, calm.status]).toEqual(['connected', 'connected']));
    for (let i = 0; i < 50; i++) flood.sendRaw('{}');
    await vi.waitFor(() => expect(server.stats().rateLimited).toBeGreaterThanOrEqual(1), WAIT);
    expect(server.stats().refused.invalid).toBeLessThan(50);
    publishT(presenter, 7);
    await vi.waitFor(() => expect(stateOf(calm)).toBe(7), WAIT);
  });

  it('a student whose connection drops follows again when it comes back, without a reload', async () => {
    const { server, presenter } = await room();
    const wifi = await relay(server.port);
    open.push({ stop: wifi.close });
    const r = presenter.read();
    expect(r.state).toBeNull();
    const code = (presenter as unknown as { opts: { room: string } }).opts.room;
    const student = client(wifi.port, code, `s:${studentId()}`);
    clients.push(student);
    publishT(presenter, 10);
    await vi.waitFor(() => expect(stateOf(student)).toBe(10), WAIT);
    wifi.cut();
    publishT(presenter, 11); // while the student is away
    await vi.waitFor(() => expect(stateOf(student)).toBe(11), WAIT);
    expect(student.statuses.filter((s) => s === 'connected').length).toBeGreaterThanOrEqual(2);
  });

  it('End class tells every student it has ended, refuses a late one, and needs the token', async () => {
    const { server, code, token, join } = await room();
    const students = [join(`s:${studentId()}`), join(`s:${studentId()}`)];
    await vi.waitFor(() =>
      expect(students.map((c) => c.status)).toEqual(['connected', 'connected']),
    );
    const end = (auth: string) =>
      fetch(`http://127.0.0.1:${server.port}/class/rooms/${code}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${auth}` },
      });
    expect((await end('not-the-token')).status).toBe(403);
    expect(students.map((c) => c.status)).toEqual(['connected', 'connected']);
    expect((await end(token)).status).toBe(200);
    await vi.waitFor(
      () =>
        expect(students.map((c) => c.statuses.at(-1))).toEqual(['refused:ended', 'refused:ended']),
      WAIT,
    );
    const late = join(`s:${studentId()}`);
    await vi.waitFor(() => expect(late.statuses).toContain('refused:no-room'), WAIT);
  });
});
