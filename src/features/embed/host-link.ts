import { embedStore } from './embed-store';
import type { Command } from './commands';
import type { EmbedEvent } from './protocol';

/** Messages from the host kept while the validator loads (it loads with the worker, so briefly). */
const MAX_WAITING = 2000;

type Parse = (data: unknown) => Command | null;

/**
 * The embed's end of the postMessage protocol. Commands are taken only from the parent window
 * and only when its origin is one the URL's `origin=` named; everything else (another origin,
 * another window, a malformed or unknown message, a command that cannot apply) is ignored and
 * counted. Events go only to the allowed origins, except `mklab:resize`, which carries nothing but
 * a height and goes to any parent (so embed.js can size a read-only embed too).
 */
export class HostLink {
  private parse: Parse | null = null;
  private waiting: MessageEvent[] = [];

  constructor(
    private readonly origins: readonly string[],
    /** Applies a valid command; false when it cannot apply here (then it counts as ignored). */
    private readonly apply: (command: Command) => boolean,
  ) {}

  listen(): void {
    addEventListener('message', (e) => this.receive(e));
    if (this.origins.length === 0) return;
    // The validator (zod/mini) is needed only once a host may speak: not before the first view.
    import('./commands').then(
      ({ parseCommand }) => {
        this.parse = parseCommand;
        const waiting = this.waiting;
        this.waiting = [];
        for (const e of waiting) this.receive(e);
      },
      () => {
        this.ignore(this.waiting.length);
        this.waiting = [];
      },
    );
  }

  receive(e: MessageEvent): void {
    let applied = false;
    try {
      const fromHost =
        window.parent !== window && e.source === window.parent && this.origins.includes(e.origin);
      if (fromHost && !this.parse) {
        if (this.waiting.length < MAX_WAITING) {
          this.waiting.push(e);
          return;
        }
      }
      const command = fromHost && this.parse ? this.parse(e.data) : null;
      applied = command !== null && this.apply(command);
    } catch {
      // A command that throws while applied changes nothing the host can rely on: ignored.
      applied = false;
    }
    if (!applied) this.ignore(1);
  }

  private ignore(n: number): void {
    if (n > 0) embedStore.setState((s) => ({ ignored: s.ignored + n }));
  }

  /**
   * The allowed origins the parent may have. Where the browser tells the parent's origin
   * (`location.ancestorOrigins`), only that one: posting to the others would only be refused.
   */
  private targets(): readonly string[] {
    const parent = location.ancestorOrigins?.item(0);
    return parent ? this.origins.filter((o) => o === parent) : this.origins;
  }

  /** Whether anyone may hear the events (a read-only embed computes no state for nobody). */
  get listened(): boolean {
    return window.parent !== window && this.targets().length > 0;
  }

  post(event: EmbedEvent): void {
    if (window.parent === window) return;
    if (event.type === 'mklab:resize') {
      window.parent.postMessage(event, '*');
      return;
    }
    // A targetOrigin that is not the parent's drops the message silently: one post per origin.
    for (const origin of this.targets()) window.parent.postMessage(event, origin);
  }
}
