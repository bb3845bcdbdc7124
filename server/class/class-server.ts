import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type Connection, type Document } from '@hocuspocus/server';
import { CLASS_ENDED, ROOM_KEYS, type RefusedWhy } from '../../src/contract/class-session';
import {
  checkClassAnswer,
  checkClassQuestion,
  isStudentId,
} from '../../src/contract/validate/class-message';
import { RateLimit } from './rate-limit';
import { roomsFor } from './room-store';
import { serveFile } from './static-site';
import { isDocumentWrite } from './wire-message';

/**
 * The live class's session server (issue 13, docs/classroom.md): Hocuspocus rooms, one Yjs
 * document per room, in memory only. The presenter (holding the room's token) writes the shared
 * map — the machine to replay, where playback stands, the question asked; students connect
 * read-only (Hocuspocus refuses their writes) and answer by stateless messages, checked by the
 * contract's validators, one per student and question, tallied here and written to the map.
 */

export interface ClassServerOptions {
  readonly host: string;
  /** 0: any free port (tests). */
  readonly port: number;
  /** The built lab to serve next to the session (null: the session alone). */
  readonly site?: string | null;
  readonly studentRate?: { readonly perS: number; readonly burst: number };
  readonly presenterRate?: { readonly perS: number; readonly burst: number };
  /** A room nobody has been in for this long is forgotten. */
  readonly idleMs?: number;
  /** Several nodes: where their shared Redis is (rooms, answers, and the documents' updates). */
  readonly redis?: { readonly host: string; readonly port: number };
}

export interface ClassStats {
  rooms: number;
  answers: number;
  refused: Record<RefusedWhy, number>;
  /** Write attempts on the shared document by students (Hocuspocus refuses them all). */
  studentWrites: number;
  /** Clients disconnected for sending past their message rate. */
  rateLimited: number;
  /** Connections refused: no such room, or a wrong token. */
  authRefused: number;
}

export interface ClassServer {
  readonly port: number;
  stats(): ClassStats;
  createRoom(): Promise<{ readonly code: string; readonly token: string } | null>;
  stop(): Promise<void>;
}

type Context = { role: 'presenter' } | { role: 'student'; student: string };

const ROOM_MAP = 'room';
/**
 * Answers arriving together are tallied together: a room of 200 answering within seconds
 * costs a tally write (sent to every student) four times a second, not one per answer.
 */
const TALLY_DELAY_MS = 250;

export async function startClassServer(opts: ClassServerOptions): Promise<ClassServer> {
  const idleMs = opts.idleMs ?? 30 * 60_000;
  const { store, extensions } = await roomsFor(opts.redis, idleMs);
  const stats: ClassStats = {
    rooms: 0,
    answers: 0,
    refused: { invalid: 0, closed: 0, choice: 0, duplicate: 0 },
    studentWrites: 0,
    rateLimited: 0,
    authRefused: 0,
  };
  const limits = new WeakMap<Connection, RateLimit>();
  const pendingTally = new Map<string, ReturnType<typeof setTimeout>>();
  const docs = new Map<string, Document>();
  const site = opts.site ?? null;

  const students = (doc: Document) =>
    doc.getConnections().filter((c) => (c.context as Context).role === 'student').length;

  const writeTally = async (name: string) => {
    pendingTally.delete(name);
    const doc = docs.get(name);
    if (!doc) return;
    const map = doc.getMap(ROOM_MAP);
    const question = checkClassQuestion(map.get(ROOM_KEYS.question));
    const tally = question ? await store.tally(name, question) : null;
    if (!docs.has(name)) return;
    if (JSON.stringify(tally) !== JSON.stringify(map.get(ROOM_KEYS.tally) ?? null))
      doc.transact(() => map.set(ROOM_KEYS.tally, tally));
  };
  const scheduleTally = (name: string) => {
    if (!pendingTally.has(name))
      pendingTally.set(
        name,
        setTimeout(() => void writeTally(name).catch(logError), TALLY_DELAY_MS),
      );
  };
  // Who is here: this node's connections to the room, and how many are students.
  const answering = new WeakMap<Connection, Promise<void>>();
  const takeStateless = async (
    connection: Connection,
    student: string,
    name: string,
    document: Document,
    payload: string,
  ) => {
    const answer = checkClassAnswer(payload);
    const question = checkClassQuestion(document.getMap(ROOM_MAP).get(ROOM_KEYS.question));
    const reply = answer
      ? await store.answer(name, student, answer, question)
      : ({ v: 1, type: 'refused', why: 'invalid' } as const);
    if (reply.type === 'refused') stats.refused[reply.why]++;
    else {
      stats.answers++;
      scheduleTally(name);
      if (answer?.nick)
        await store.roster(name, JSON.stringify({ ...reply, type: 'roster', nick: answer.nick }));
    }
    connection.sendStateless(JSON.stringify(reply));
  };
  const present = async (name: string, doc: Document | undefined) =>
    store.present(name, doc?.getConnections().length ?? 0, doc ? students(doc) : 0);
  // Ended: every connection to the room is closed with a reason the page shows ("the class has
  // ended"); a client that tries again is refused (the room is gone).
  store.onEnded((code) => {
    for (const c of docs.get(code)?.getConnections() ?? [])
      c.close({ code: 4404, reason: CLASS_ENDED });
  });
  // A nickname goes to the teacher alone, never to the other students.
  store.onRoster((code, message) => {
    for (const c of docs.get(code)?.getConnections() ?? [])
      if ((c.context as Context).role === 'presenter') c.sendStateless(message);
  });

  const api = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = URL.parse(req.url ?? '/', 'http://x');
    // Not an address at all ("//"): a bad request, not the store failing (503).
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return true;
    }
    if (!url.pathname.startsWith('/class/')) return false;
    // The lab may be served from another origin than its session server (docs/classroom.md).
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization');
    res.setHeader('Cache-Control', 'no-store');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') res.writeHead(204).end();
    else if (req.method === 'POST' && url.pathname === '/class/rooms') {
      const room = await store.create();
      stats.rooms = await store.count();
      if (room) json(201, { code: room.code, token: room.token });
      else json(503, { error: 'full' });
    } else if (req.method === 'DELETE' && url.pathname.startsWith('/class/rooms/')) {
      const code = url.pathname.slice('/class/rooms/'.length);
      const auth = req.headers.authorization ?? '';
      if (!(await store.isPresenter(code, auth.replace(/^Bearer /, ''))))
        json(403, { error: 'token' });
      else {
        await store.end(code);
        stats.rooms = await store.count();
        json(200, { ended: code });
      }
    } else json(404, { error: 'not-found' });
    return true;
  };

  const server = new Server<Context>({
    address: opts.host,
    port: opts.port,
    quiet: true,
    stopOnSignals: false,
    // A presenter's sync carries the machine's whole input log (bounded by the contract).
    websocketOptions: { maxPayload: 8 * 1024 * 1024 },
    extensions,

    async onAuthenticate({ documentName, token, connectionConfig }) {
      const room = await store.exists(documentName);
      if (room && token.startsWith('p:') && (await store.isPresenter(documentName, token.slice(2))))
        return { role: 'presenter' };
      if (room && token.startsWith('s:') && isStudentId(token.slice(2))) {
        connectionConfig.readOnly = true;
        return { role: 'student', student: token.slice(2) };
      }
      stats.authRefused++;
      throw Object.assign(new Error('refused'), { reason: room ? 'token' : 'no-room' });
    },

    async connected({ connection, documentName }) {
      docs.set(documentName, connection.document);
      await present(documentName, connection.document);
      scheduleTally(documentName);
    },

    async onDisconnect({ documentName, document }) {
      await present(documentName, document);
      scheduleTally(documentName);
    },

    async afterUnloadDocument({ documentName }) {
      docs.delete(documentName);
    },

    async beforeHandleMessage({ connection, update, context }) {
      const student = context.role === 'student';
      let limit = limits.get(connection);
      if (!limit) {
        const rate = student
          ? (opts.studentRate ?? { perS: 20, burst: 60 })
          : (opts.presenterRate ?? { perS: 100, burst: 400 });
        limit = new RateLimit(rate.perS, rate.burst, Date.now());
        limits.set(connection, limit);
      }
      if (!limit.take(Date.now())) {
        stats.rateLimited++;
        throw Object.assign(new Error('rate'), { code: 4429, reason: 'rate-limited' });
      }
      // Hocuspocus refuses a read-only connection's writes itself; this counts them.
      if (student && isDocumentWrite(update)) stats.studentWrites++;
    },

    async onChange({ documentName }) {
      // The presenter asked another question, or revealed one: the tally follows.
      scheduleTally(documentName);
    },

    async onStateless({ connection, document, documentName, payload }) {
      const ctx = connection.context as Context;
      if (ctx.role !== 'student') return;
      // A client's messages are answered in the order sent (Hocuspocus runs the hook for each
      // as it comes; a shared store's answer takes round trips): the first vote is the one kept.
      const turn = (answering.get(connection) ?? Promise.resolve()).then(() =>
        takeStateless(connection, ctx.student, documentName, document, payload),
      );
      answering.set(connection, turn.catch(logError));
      await turn;
    },

    async onRequest({ request, response }) {
      // A store that cannot answer (several nodes: Redis out of reach) is a 503, not a hang.
      const answered = await api(request, response).catch((e: unknown) => {
        logError(e);
        if (!response.headersSent) response.writeHead(503).end();
        return true;
      });
      if (!answered && !(site && serveFile(site, request, response)))
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      // Hocuspocus's way to say "answered here": a hook that rejects with nothing.
      throw null;
    },
  });

  const sweep = setInterval(() => {
    void store
      .sweep()
      .then(() => store.count())
      .then((n) => (stats.rooms = n))
      .catch(logError);
  }, 60_000);
  sweep.unref();

  await server.listen();
  return {
    port: server.address.port,
    stats: () => structuredClone(stats),
    createRoom: async () => {
      const room = await store.create();
      stats.rooms = await store.count();
      return room;
    },
    stop: async () => {
      clearInterval(sweep);
      for (const t of pendingTally.values()) clearTimeout(t);
      await server.destroy();
      await store.close();
    },
  };
}

const logError = (e: unknown) => console.error('class server:', e);
