import type { LabInput } from '../contract';
import type { ScriptItem } from '../lessons';

/**
 * A lesson step's "show me" script as it plays: inputs are taken when due, a `wait` sets when the
 * next ones are. The engine logs what it takes like the learner's own inputs.
 */
export class ScriptPlayer {
  private items: ScriptItem[] | null = null;
  private at = 0;

  start(items: readonly ScriptItem[], now: number): void {
    this.items = [...items];
    this.at = now;
  }

  stop(): void {
    this.items = null;
  }

  get active(): boolean {
    return this.items !== null;
  }

  /** When the next items are due (never, when none is playing). */
  get nextAt(): number {
    return this.items ? this.at : Infinity;
  }

  /** Items still to play, counting the step's end (0 when none is playing). */
  get left(): number {
    return this.items ? this.items.length + 1 : 0;
  }

  /** Take what is due at `now`, up to the next wait (which sets the next time) or the end. */
  fire(now: number, take: (input: LabInput) => void): void {
    const items = this.items;
    if (!items) return;
    for (let item = items.shift(); item; item = items.shift()) {
      if (item.type === 'wait') {
        this.at = now + item.ns;
        return;
      }
      take(item);
    }
    this.items = null;
  }
}
