import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  CLASS_ENDED,
  ROOM_KEYS,
  type ClassAnswer,
  type ClassQuestion,
  type ClassReply,
  type ClassState,
  type ClassSync,
  type ClassTally,
} from '../../contract';
import {
  checkClassQuestion,
  checkClassReply,
  checkClassTally,
} from '../../contract/validate/class-message';

/**
 * One connection to a class room on the session server (Hocuspocus provider + a Yjs document
 * holding one shared map). The presenter writes the map; a student reads it and answers by
 * stateless messages. Used by the page, and as it is by the Node tests and the load script
 * (which pass a WebSocket implementation), so what they measure is what the page does.
 */

export type RoomLinkStatus = 'connecting' | 'connected' | 'unreachable' | 'refused';

/** Past this without a connection, the page says the server cannot be reached (it keeps trying). */
export const UNREACHABLE_AFTER_MS = 4000;

export interface RoomClientOptions {
  /** The session server's WebSocket URL (ws: or wss:). */
  readonly url: string;
  readonly room: string;
  /** `p:<token>` for the presenter, `s:<student id>` for a student. */
  readonly token: string;
  /** Node has no WebSocket of its own before v22: the tests pass `ws`. */
  readonly WebSocketPolyfill?: unknown;
  /** Something in the shared map changed (read it with `read`). */
  readonly onChange?: () => void;
  readonly onStatus?: (status: RoomLinkStatus, why?: string) => void;
  readonly onReply?: (reply: ClassReply) => void;
}

export interface RoomContent {
  /** The presenter's machine and playback, as presenter messages (checked by their reader). */
  readonly sync: unknown;
  readonly state: unknown;
  readonly question: ClassQuestion | null;
  readonly tally: ClassTally | null;
}

export class RoomClient {
  readonly doc = new Y.Doc();
  private readonly map = this.doc.getMap<unknown>('room');
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private unreachable: ReturnType<typeof setTimeout> | null = null;
  status: RoomLinkStatus = 'connecting';

  constructor(private readonly opts: RoomClientOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.url,
      // A dropped student is back within a second or two, not after a long back-off.
      delay: 250,
      minDelay: 100,
      factor: 1.5,
      maxDelay: 2000,
      maxAttempts: 0,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: opts.room,
      document: this.doc,
      token: opts.token,
      // Students share no presence: each one's would go to every other (N² messages every
      // 15 s). The presenter's alone keeps every connection hearing something while paused.
      ...(opts.token.startsWith('s:') ? { awareness: null } : {}),
      onAuthenticationFailed: ({ reason }) => this.setStatus('refused', reason),
      // The teacher ended the class: the server closed this room's connections, for good.
      onClose: ({ event }) => {
        if (event.reason === CLASS_ENDED) this.setStatus('refused', 'ended');
      },
      onStateless: ({ payload }) => {
        const reply = checkClassReply(payload);
        if (reply) opts.onReply?.(reply);
      },
    });
    this.socket.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.setStatus('connected');
      else if (this.status !== 'refused') this.waitUnreachable();
    });
    this.map.observe(() => opts.onChange?.());
    this.provider.attach();
    this.waitUnreachable();
  }

  private waitUnreachable(): void {
    if (this.status === 'connected') this.status = 'connecting';
    if (this.unreachable) return;
    this.unreachable = setTimeout(() => {
      this.unreachable = null;
      if (this.status === 'connecting') this.setStatus('unreachable');
    }, UNREACHABLE_AFTER_MS);
    (this.unreachable as { unref?: () => void }).unref?.();
  }

  private setStatus(status: RoomLinkStatus, why?: string): void {
    if (status === 'connected' && this.unreachable) {
      clearTimeout(this.unreachable);
      this.unreachable = null;
    }
    this.status = status;
    this.opts.onStatus?.(status, why);
  }

  read(): RoomContent {
    return {
      sync: this.map.get(ROOM_KEYS.sync) ?? null,
      state: this.map.get(ROOM_KEYS.state) ?? null,
      question: checkClassQuestion(this.map.get(ROOM_KEYS.question) ?? null),
      tally: checkClassTally(this.map.get(ROOM_KEYS.tally) ?? null),
    };
  }

  /** Presenter: write what changed (one transaction, so students see it whole). */
  publish(part: {
    readonly sync?: ClassSync;
    readonly state?: ClassState;
    readonly question?: ClassQuestion | null;
  }): void {
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(part)) this.map.set(key, value);
    });
  }

  /** Student: an answer, as a stateless message (never a write to the shared map). */
  answer(a: ClassAnswer): void {
    this.provider.sendStateless(JSON.stringify(a));
  }

  /** Tests: the raw stateless channel, to send what a hostile client would. */
  sendRaw(payload: string): void {
    this.provider.sendStateless(payload);
  }

  destroy(): void {
    if (this.unreachable) clearTimeout(this.unreachable);
    this.provider.destroy();
    this.socket.destroy();
  }
}
