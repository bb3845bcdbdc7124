// npm run bench:class — the live class under load, on loopback only (docs/classroom.md):
// the session server in a process of its own (`npm run class -- --bare`), one presenter and
// 200 student clients (the page's own RoomClient over `ws`) for 60 s. The presenter publishes
// where playback stands 4 times a second (as it does while playing) and the machine and step
// every 2 s; every 10 s a new question, which each student answers once after 0–3 s.
// Prints: per change, how long until every student had it (p50/p95/max), per arrival p95,
// answers sent / taken / in the final tallies, and the server's heap every 5 s.
// --nodes N (N > 1): N session servers sharing a redis-server of the bench's own (docs/classroom.md,
// "Several nodes"), the presenter on the first, the students spread over all of them; the heap is
// the first node's.
// Usage: tsx scripts/bench-class.ts [--students 200] [--seconds 60] [--port 4415] [--nodes 1]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { RoomClient } from '../src/features/class/room-client';
import { CLASS_PROTOCOL, type ClassTally } from '../src/contract';
import { startRedis } from '../tests/unit/class/redis-harness';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    port: { type: 'string', default: '4415' },
    nodes: { type: 'string', default: '1' },
  },
});
const NODES = Math.max(1, Number(values.nodes));
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const ports = Array.from({ length: NODES }, (_, i) => Number(values.port) + i);
const urlOf = (i: number) => `ws://127.0.0.1:${ports[i % NODES]}/class/ws`;
const url = urlOf(0);
const redis = NODES > 1 ? await startRedis() : null;

const [server, ...others] = ports.map((port) =>
  spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/class/main.ts',
      '--bare',
      '--host',
      '127.0.0.1',
      '--port',
      `${port}`,
    ],
    {
      env: {
        ...process.env,
        CLASS_MEMORY_LOG: '5000',
        ...(redis ? { CLASS_REDIS: `${redis.host}:${redis.port}` } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ),
);
if (!server) throw new Error('no node');
// The other nodes are ready when they print their own room (not used: the room is the first's).
await Promise.all(
  others.map(
    (node) =>
      new Promise<void>((ready) => {
        let said = '';
        node.stdout?.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.includes('#class=')) ready();
        });
      }),
  ),
);
const heap: { at: number; heapMB: number; rssMB: number }[] = [];
const started = Date.now();
const room = await new Promise<{ code: string; token: string }>((resolve) => {
  let text = '';
  server.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    const m = /#class=([0-9A-Z]+)\.([A-Za-z0-9_-]+)/.exec(text);
    if (m) resolve({ code: m[1]!, token: m[2]! });
    for (const mem of text.matchAll(/memory heapUsed=(\d+) rss=(\d+)\n/g)) {
      heap.push({
        at: Math.round((Date.now() - started) / 1000),
        heapMB: Number(mem[1]) / 2 ** 20,
        rssMB: Number(mem[2]) / 2 ** 20,
      });
      text = text.replace(mem[0], '');
    }
  });
});

const until = async (test: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const publishedAt = new Map<number, number>();
const arrivals = new Map<number, number[]>(); // seq → each student's delay (ms)
let answersSent = 0;
let answersTaken = 0;
let answersRefused = 0;
const tallies = new Map<string, ClassTally>();

const presenter = new RoomClient({
  url,
  room: room.code,
  token: `p:${room.token}`,
  WebSocketPolyfill: WebSocket,
  onChange: () => {
    const t = presenter.read().tally;
    if (t) tallies.set(t.question, t);
  },
});
await until(() => presenter.status === 'connected', 10_000, 'presenter');

const students = Array.from({ length: STUDENTS }, (_, i) => {
  let seen = -1;
  let answered = '';
  const id = `bench${String(i).padStart(4, '0')}`.padEnd(22, 'x');
  const c: RoomClient = new RoomClient({
    url: urlOf(i),
    room: room.code,
    token: `s:${id}`,
    WebSocketPolyfill: WebSocket,
    onReply: (r) => (r.type === 'answered' ? answersTaken++ : answersRefused++),
    onChange: () => {
      const { state, question } = c.read();
      const seq = (state as { seq?: number } | null)?.seq ?? -1;
      const now = Date.now();
      for (let s = seen + 1; s <= seq; s++) {
        const at = publishedAt.get(s);
        if (at !== undefined) arrivals.get(s)?.push(now - at);
      }
      seen = Math.max(seen, seq);
      if (question && !question.revealed && answered !== question.id) {
        answered = question.id;
        const q = question.id;
        setTimeout(() => {
          answersSent++;
          c.answer({
            v: CLASS_PROTOCOL,
            type: 'answer',
            question: q,
            choice: i % question.choices,
          });
        }, Math.random() * 3000);
      }
    },
  });
  return c;
});
await until(() => students.every((s) => s.status === 'connected'), 60_000, 'students');
console.log(`${STUDENTS} students connected in ${Date.now() - started} ms`);

// A realistic payload: the presenter's machine (start spec + a log) and its playback state.
const log = Array.from({ length: 20 }, (_, i) => ({
  atNs: i * 1e6,
  input: { type: 'shell.line', line: `mklab ls ${i}` },
}));
let seq = 0;
let step = 0;
const benchStart = Date.now();
while (Date.now() - benchStart < SECONDS * 1000) {
  const tick = seq;
  if (tick % 8 === 0) step++;
  if (tick % 40 === 0) {
    const id = `bench:${step}`;
    presenter.publish({ question: { id, choices: 3, answer: null, revealed: false } });
  }
  publishedAt.set(tick, Date.now());
  arrivals.set(tick, []);
  presenter.publish({
    ...(tick % 8 === 0
      ? {
          sync: {
            v: 1,
            type: 'sync',
            start: { scenario: 'two-kernels', seed: step },
            log,
            logKey: `${step}`,
          },
        }
      : {}),
    state: {
      v: 1,
      type: 'state',
      seq: tick,
      lesson: { slug: 'crash-containment', step: step % 5, steps: 5 },
      t: tick * 25_000_000,
      playing: true,
      speedIndex: 3,
      logLength: log.length,
      logKey: `${step}`,
      twin: false,
      lang: 'en',
      theme: 'auto',
      blank: false,
    },
  } as never);
  seq++;
  await new Promise((r) => setTimeout(r, 250));
}
// Let the last changes and answers land.
await until(() => answersTaken + answersRefused >= answersSent, 15_000, 'answers').catch(
  () => undefined,
);
await new Promise((r) => setTimeout(r, 1500));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length * p) - 1)] ?? NaN;
};
const everyone: number[] = [];
const each: number[] = [];
let missing = 0;
for (const [, delays] of arrivals) {
  each.push(...delays);
  if (delays.length < STUDENTS) missing += STUDENTS - delays.length;
  else everyone.push(Math.max(...delays));
}
const inTallies = [...tallies.values()].reduce((a, t) => a + t.answered, 0);
const steady = heap.filter((h) => h.at >= 15);
console.log(
  JSON.stringify(
    {
      students: STUDENTS,
      seconds: SECONDS,
      nodes: NODES,
      changes: arrivals.size,
      untilEveryStudentMs: {
        p50: pct(everyone, 0.5),
        p95: pct(everyone, 0.95),
        max: pct(everyone, 1),
      },
      perArrivalMs: { p50: pct(each, 0.5), p95: pct(each, 0.95) },
      arrivalsMissing: missing,
      answers: {
        sent: answersSent,
        taken: answersTaken,
        refused: answersRefused,
        inTallies,
        lost: answersSent - answersTaken,
      },
      serverHeapMB: heap.map((h) => `${h.at}s:${h.heapMB.toFixed(1)}`).join(' '),
      serverHeapAfter15sMB: steady.length
        ? {
            min: Math.min(...steady.map((h) => h.heapMB)).toFixed(1),
            max: Math.max(...steady.map((h) => h.heapMB)).toFixed(1),
          }
        : null,
      serverRssMB: heap.length
        ? { first: heap[0]!.rssMB.toFixed(1), last: heap.at(-1)!.rssMB.toFixed(1) }
        : null,
    },
    null,
    2,
  ),
);
for (const c of [...students, presenter]) c.destroy();
await Promise.all(
  [server, ...others].map(
    (node) => new Promise<void>((gone) => (node.once('exit', () => gone()), node.kill('SIGTERM'))),
  ),
);
await redis?.stop();
process.exit(0);
