import { playbackStore } from '../store/playback-store';
import { MAX_FRAME_MS } from './bridge-options';

/**
 * How often the shown rate may change. The playback bar prints it ("only reaches …") while the
 * machine is behind: a figure redrawn at every frame cannot be read, and each new figure had the
 * page lay its text out again in every frame of a slow laptop (issue 14). Falling behind is
 * shown at once.
 */
export const SHOWN_EVERY_MS = 500;
/**
 * Caught up is shown once no frame has fallen behind for this long. Under a flood on a slow
 * laptop, frames that keep up come between frames that do not, and "only reaches …" blinked in
 * and out of the bar several times a second. Paused, it goes at once.
 */
export const CAUGHT_UP_MS = 1000;

/**
 * The simulated time the page achieved over the last second of wall time, for the playback bar
 * ("achieved rate"), and whether the worker is behind the asked speed.
 */
export class RateMeter {
  /** Each frame's simulated time and the wall time it covered (from the frame before it), the
   * last frame always last: each call pushes one and drops only older ones. */
  private window: { from: number; to: number; sim: number }[] = [];
  private shownAt = -Infinity;
  private laggedAt = -Infinity;

  /** One frame: when it came, the simulated time it advanced, whether the machine plays, and
   * whether the worker fell short of the asked speed in it. */
  add(now: number, simNs: number, playing: boolean, lagging: boolean): void {
    // A frame covers the wall time since the one before it; after frames that advanced nothing (a
    // pause, a frame a second), at most what the bridge advances in one frame.
    const prev = this.window.at(-1);
    let from = now;
    if (prev) from = prev.sim > 0 ? prev.to : Math.max(prev.to, now - MAX_FRAME_MS);
    this.window.push({ from, to: now, sim: simNs });
    while (this.window.length > 0 && now - (this.window[0]?.to ?? now) > 1000) this.window.shift();
    const sim = this.window.reduce((s, x) => s + x.sim, 0);
    // Over the wall time the frames covered, the first one's included: a window that holds one
    // frame (the first after a pause) is that frame's time, not a millisecond.
    const wall = now - (this.window[0]?.from ?? now);
    const shown = playbackStore.getState();
    const achieved = wall > 0 ? Math.round((sim * 1000) / wall) : shown.achieved;
    if (!playing) this.laggedAt = -Infinity;
    else if (lagging) this.laggedAt = now;
    const behind = now - this.laggedAt < CAUGHT_UP_MS;
    // Only a change is news: a paused page's idle frames, and an unchanged rate, notify no one.
    const behindChanged = shown.lagging !== behind;
    if (!behindChanged && (shown.achieved === achieved || now - this.shownAt < SHOWN_EVERY_MS))
      return;
    this.shownAt = now;
    playbackStore.setState({ achieved, lagging: behind });
  }
}
