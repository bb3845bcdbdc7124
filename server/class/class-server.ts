import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type Connection, type Document, type Extension } from '@hocuspocus/server';
import { ROOM_KEYS, type RefusedWhy } from '../../src/contract/class-session';
import {
  checkClassAnswer,
  checkClassQuestion,
  isStudentId,
} from '../../src/contract/validate/class-message';
import { RateLimit } from './rate-limit';
import { isPresenterToken, Rooms, takeAnswer, tallyOf, type Room } from './rooms';
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
  /** Hocuspocus extensions (the Redis one when several nodes share rooms). */
  readonly extensions?: Extension[];
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
  createRoom(): Pick<Room, 'code' | 'token'> | null;
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
  const rooms = new Rooms();
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

  const writeTally = (name: string) => {
    pendingTally.delete(name);
    const doc = docs.get(name);
    const room = rooms.get(name);
    if (!doc || !room) return;
    const map = doc.getMap(ROOM_MAP);
    const question = checkClassQuestion(map.get(ROOM_KEYS.question));
    const tally = question ? tallyOf(room, question, students(doc)) : null;
    if (JSON.stringify(tally) !== JSON.stringify(map.get(ROOM_KEYS.tally) ?? null))
      doc.transact(() => map.set(ROOM_KEYS.tally, tally));
  };
  const scheduleTally = (name: string) => {
    if (!pendingTally.has(name))
      pendingTally.set(name, setTimeout(writeTally, TALLY_DELAY_MS, name));
  };

  const api = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://x');
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
      const room = rooms.create(Date.now());
      stats.rooms = rooms.size;
      if (room) json(201, { code: room.code, token: room.token });
      else json(503, { error: 'full' });
    } else if (req.method === 'DELETE' && url.pathname.startsWith('/class/rooms/')) {
      const room = rooms.get(url.pathname.slice('/class/rooms/'.length));
      const auth = req.headers.authorization ?? '';
      if (!room || !isPresenterToken(room, auth.replace(/^Bearer /, '')))
        json(403, { error: 'token' });
      else {
        rooms.end(room.code);
        stats.rooms = rooms.size;
        server.hocuspocus.closeConnections(room.code);
        json(200, { ended: room.code });
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
    extensions: opts.extensions ?? [],

    async onAuthenticate({ documentName, token, connectionConfig }) {
      const room = rooms.get(documentName);
      if (room && token.startsWith('p:') && isPresenterToken(room, token.slice(2)))
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
      const room = rooms.get(documentName);
      if (room) room.emptySince = null;
      scheduleTally(documentName);
    },

    async onDisconnect({ documentName, clientsCount }) {
      const room = rooms.get(documentName);
      if (room && clientsCount === 0) room.emptySince = Date.now();
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
      const room = rooms.get(documentName);
      if (ctx.role !== 'student' || !room) return;
      const answer = checkClassAnswer(payload);
      const question = checkClassQuestion(document.getMap(ROOM_MAP).get(ROOM_KEYS.question));
      const reply = answer
        ? takeAnswer(room, ctx.student, answer, question)
        : ({ v: 1, type: 'refused', why: 'invalid' } as const);
      if (reply.type === 'refused') stats.refused[reply.why]++;
      else {
        stats.answers++;
        scheduleTally(documentName);
        // The nickname goes to the teacher alone, never to the other students.
        if (answer?.nick) {
          const roster = JSON.stringify({ ...reply, type: 'roster', nick: answer.nick });
          for (const c of document.getConnections())
            if ((c.context as Context).role === 'presenter') c.sendStateless(roster);
        }
      }
      connection.sendStateless(JSON.stringify(reply));
    },

    async onRequest({ request, response }) {
      if (!api(request, response) && !(site && serveFile(site, request, response)))
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      // Hocuspocus's way to say "answered here": a hook that rejects with nothing.
      throw null;
    },
  });

  const sweep = setInterval(() => {
    rooms.sweep(Date.now(), opts.idleMs ?? 30 * 60_000);
    stats.rooms = rooms.size;
  }, 60_000);
  sweep.unref();

  await server.listen();
  return {
    port: server.address.port,
    stats: () => structuredClone(stats),
    createRoom: () => {
      const room = rooms.create(Date.now());
      stats.rooms = rooms.size;
      return room && { code: room.code, token: room.token };
    },
    stop: async () => {
      clearInterval(sweep);
      for (const t of pendingTally.values()) clearTimeout(t);
      await server.destroy();
    },
  };
}
