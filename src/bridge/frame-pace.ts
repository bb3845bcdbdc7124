/**
 * Whether the page asks the machine for a frame at this animation frame (issue 14). A frame is
 * asked for at each animation frame while the page keeps up. Once it is behind — `LATE_IN_WINDOW`
 * of the last `WINDOW` animation frames came more than `LATE_MS` after the one before, as on a
 * slow laptop at 60 Hz — it asks at every other one: each frame it gets is then received and
 * drawn (machine and dots) in one display frame and put on screen in the next, where asking at
 * each one had both in every display frame, and 10–28 % of them missed the display (CPU slowed
 * 4×, `npm run bench:ui`). The machine does not slow: a frame covers the wall time since the
 * last (the bridge's `advanceNs`), so it shows the same machine, 30 times a second.
 * Behind lasts `RETRY_MS` (or until a pause): then every animation frame is tried again, so a page
 * that fell behind once (a scroll, a collection of garbage) goes back to 60 frames a second.
 */
export const LATE_MS = 25;
export const WINDOW = 60;
export const LATE_IN_WINDOW = 4;
export const RETRY_MS = 10_000;

export class FramePace {
  private last = -1;
  private late: boolean[] = [];
  private behind = false;
  private behindSince = 0;
  private sentLast = false;

  /** At the animation frame at `now` (ms), the machine playing or not: may a frame be asked for?
   * (Behind, not at the one after a frame was asked for: `sent`.) */
  asks(now: number, playing: boolean): boolean {
    const sentLast = this.sentLast;
    this.sentLast = false;
    if (!playing || (this.behind && now - this.behindSince >= RETRY_MS)) {
      this.late = [];
      this.behind = false;
    }
    if (!playing) {
      this.last = -1;
      return true;
    }
    if (this.last >= 0) this.note(now - this.last > LATE_MS, now);
    this.last = now;
    return !this.behind || !sentLast;
  }

  /** A frame was asked for at this animation frame. */
  sent(): void {
    this.sentLast = true;
  }

  /** Whether frames are asked for at every other animation frame (the page fell behind). */
  get paced(): boolean {
    return this.behind;
  }

  private note(late: boolean, now: number): void {
    this.late.push(late);
    if (this.late.length > WINDOW) this.late.shift();
    if (!this.behind && this.late.filter(Boolean).length >= LATE_IN_WINDOW) {
      this.behind = true;
      this.behindSince = now;
    }
  }
}
