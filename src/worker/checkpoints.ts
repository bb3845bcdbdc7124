import type { Machine } from '../sim';
import type { TrackerState } from '../lessons/tracker';

/** Events between checkpoints by default. */
export const CHECKPOINT_EVERY_EVENTS = 250_000;
export const MAX_CHECKPOINTS = 16;

/** The machine (and twin, and lesson tracking) as it stood at `t`, after `applied` log entries. */
export interface Checkpoint {
  readonly t: number;
  readonly applied: number;
  readonly events: number;
  readonly machine: Machine;
  readonly twin: Machine | null;
  readonly lesson: TrackerState | null;
}

/**
 * The engine's checkpoints: taken every `every` events and thinned as time grows, so memory stays
 * bounded however long the run (the first is always kept: power-on after the setup).
 */
export class Checkpoints {
  private list: Checkpoint[] = [];

  constructor(private readonly every: number = CHECKPOINT_EVERY_EVENTS) {}

  get count(): number {
    return this.list.length;
  }

  add(cp: Checkpoint): void {
    this.list.push(cp);
  }

  /** Whether enough has happened since the last one to take another. */
  due(events: number, now: number): boolean {
    const last = this.list[this.list.length - 1];
    return !last || (events - last.events >= this.every && now > last.t);
  }

  /**
   * Add one; when there are too many, drop the inner one whose neighbours are closest (in events).
   * The gaps stay even over the whole run, so a seek anywhere re-simulates at most about two
   * gaps' worth (halving the older half instead left gaps of half the run: seeks of seconds).
   */
  addThinned(cp: Checkpoint): void {
    this.list.push(cp);
    while (this.list.length > MAX_CHECKPOINTS) {
      let drop = 1;
      let span = Infinity;
      for (let i = 1; i < this.list.length - 1; i++) {
        const s = (this.list[i + 1] as Checkpoint).events - (this.list[i - 1] as Checkpoint).events;
        if (s < span) [drop, span] = [i, s];
      }
      this.list.splice(drop, 1);
    }
  }

  /** The latest taken at or before `t`. */
  atOrBefore(t: number): Checkpoint | undefined {
    let found: Checkpoint | undefined;
    for (const c of this.list) if (c.t <= t) found = c;
    return found;
  }

  /** Keep only those the log still leads to (after a fork or a rewind cut it). */
  keep(pred: (c: Checkpoint) => boolean): void {
    this.list = this.list.filter(pred);
  }

  withoutTwin(): void {
    this.list = this.list.map((c) => ({ ...c, twin: null }));
  }

  clear(): void {
    this.list = [];
  }
}

/**
 * A copy of the machine for a checkpoint, without the buffers the page draws from (traffic, CPU
 * marks): re-simulating from the checkpoint writes them again with the same sequence numbers,
 * and the page keeps what it already has. They are half a busy machine's size.
 */
export function forCheckpoint(m: Machine): Machine {
  return structuredClone({
    ...m,
    traffic: [],
    trafficNums: new Float64Array(0),
    trafficTexts: [],
    trafficRawAt: 0,
    trafficRawCount: 0,
    cpuLog: [],
  });
}
