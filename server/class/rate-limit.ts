/**
 * A token bucket per client: `burst` messages at once, refilled at `perS` a second. A client
 * past it is disconnected by the server (its provider reconnects after a back-off), so one
 * runaway tab cannot take the room's server time.
 */
export class RateLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perS: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perS) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
