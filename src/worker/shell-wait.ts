import { nextEventTime } from '../sim';
import { INTERRUPT, interruptWait, settleWait, type ShellWait } from '../shell';
import type { LabInput, OutLine, ShellOutput } from '../contract';
import type { Timeline } from './timeline';

interface Blocked {
  readonly w: ShellWait;
  readonly seq: number;
  readonly line: string;
}

/**
 * The shell line blocked in a system call (kerf load, start, kill), and its answer. The wait is
 * not a machine input: the line alone means it, so a replay of seed + log does the same; only the
 * transcript hears the answer. Ctrl-C (the line `INTERRUPT`) is logged like any line.
 */
export class ShellWaiter {
  private blocked: Blocked | null = null;
  private answers: ShellOutput[] = [];

  constructor(private readonly tl: Timeline) {
    tl.onWait = (w, out) => {
      this.blocked = { w, seq: out.seq, line: out.line };
    };
  }

  get waiting(): boolean {
    return this.blocked !== null;
  }

  static isInterrupt(input: LabInput): boolean {
    return input.type === 'shell.line' && input.line === INTERRUPT;
  }

  /** Ctrl-C: the prompt comes back; the kernel carries on (the answer says what it still does). */
  interrupt(): void {
    const b = this.blocked;
    if (b) this.answer(b, interruptWait(this.tl.machine, b.w));
  }

  /** A rewind or a fork took the call's future away: say so, and stop waiting. */
  drop(): void {
    const b = this.blocked;
    if (b) this.answer(b, { output: [{ key: 'shell.wait.rewound', err: true }], exit: 130 });
  }

  /**
   * Run up to `aheadNs` toward the answer, one event time after another, so the answer is given
   * at the very instant the machine settles the call (and the time it took is exact).
   */
  runAhead(aheadNs: number, budget: number): void {
    const end = this.tl.now + aheadNs;
    const m = () => this.tl.machine;
    const stopAt = m().counters.events + budget;
    while (this.blocked && !this.settle()) {
      const t = nextEventTime(m());
      if (t === undefined || t > end || m().counters.events >= stopAt) {
        if (t === undefined || t > end) this.tl.runTo(end, budget);
        this.settle();
        return;
      }
      this.tl.runTo(t, Number.MAX_SAFE_INTEGER);
    }
  }

  /** The answers given since the last frame. */
  drain(): ShellOutput[] {
    return this.answers.splice(0);
  }

  private settle(): boolean {
    const b = this.blocked;
    const s = b ? settleWait(this.tl.machine, b.w) : null;
    if (b && s) this.answer(b, s);
    return s !== null;
  }

  private answer(b: Blocked, r: { output: readonly OutLine[]; exit: number }): void {
    this.blocked = null;
    const atNs = this.tl.now;
    this.answers.push({
      seq: b.seq,
      atNs,
      line: b.line,
      output: r.output,
      exit: r.exit,
      cont: true,
    });
  }
}
