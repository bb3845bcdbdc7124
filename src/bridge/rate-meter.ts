import { playbackStore } from '../store/playback-store';

/**
 * The simulated time the page achieved over the last second of wall time, for the playback bar
 * ("achieved rate"), and whether the worker is behind the asked speed.
 */
export class RateMeter {
  private window: { wall: number; sim: number }[] = [];

  add(now: number, simNs: number, lagging: boolean): void {
    this.window.push({ wall: now, sim: simNs });
    while (this.window.length > 0 && now - (this.window[0]?.wall ?? now) > 1000)
      this.window.shift();
    const sim = this.window.reduce((s, x) => s + x.sim, 0);
    const wall = Math.max(1, now - (this.window[0]?.wall ?? now));
    const achieved = Math.round((sim * 1000) / wall);
    // Only a change is news: a paused page's idle frames, and an unchanged rate, notify no one.
    const shown = playbackStore.getState();
    if (shown.achieved !== achieved || shown.lagging !== lagging)
      playbackStore.setState({ achieved, lagging });
  }
}
