import { randomBytes } from 'node:crypto';
import net from 'node:net';
import WebSocket from 'ws';
import { startClassServer, type ClassServerOptions } from '../../../server/class/class-server';
import { RoomClient, type RoomClientOptions } from '../../../src/features/class/room-client';
import type { ClassReply } from '../../../src/contract';

// What the class tests and the load script share: a session server on 127.0.0.1 (a free
// port), clients made with the page's own RoomClient over Node's `ws`, and a TCP relay that
// can cut every connection through it (a student's Wi-Fi dropping).

export type Client = RoomClient & { readonly replies: ClassReply[]; readonly statuses: string[] };

export async function classServer(opts: Partial<ClassServerOptions> = {}) {
  return startClassServer({ host: '127.0.0.1', port: 0, ...opts });
}

export function client(
  port: number,
  room: string,
  token: string,
  extra: Partial<RoomClientOptions> = {},
): Client {
  const replies: ClassReply[] = [];
  const statuses: string[] = [];
  const c = new RoomClient({
    url: `ws://127.0.0.1:${port}/class/ws`,
    room,
    token,
    WebSocketPolyfill: WebSocket,
    onReply: (r) => replies.push(r),
    onStatus: (s, why) => statuses.push(why ? `${s}:${why}` : s),
    ...extra,
  });
  return Object.assign(c, { replies, statuses });
}

export const studentId = () => randomBytes(16).toString('base64url').slice(0, 22);

/** A relay to `port` on a port of its own; `cut()` drops every connection through it. */
export async function relay(port: number) {
  const open = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(port, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      for (const s of open) s.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}
