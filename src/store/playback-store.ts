import { createStore } from 'zustand/vanilla';

/** Speed is simulated ns per wall second, on one log scale from 1 ns to 10 s (DESIGN §4). */
export const SPEEDS = [
  1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
  10_000_000_000,
] as const;
export const DEFAULT_SPEED_INDEX = 7;

export interface PlaybackState {
  readonly playing: boolean;
  readonly speedIndex: number;
  /** Simulated ns per wall second actually achieved over the last second of play. */
  readonly achieved: number;
  readonly lagging: boolean;
  /** The page fell behind the display: it asks for a frame at every other animation frame
   * (bridge/frame-pace.ts), and the machine's drawing follows at half its rate
   * (ui/use-sim-while-seen.ts). */
  readonly paced: boolean;
}

export const playbackStore = createStore<PlaybackState>(() => ({
  playing: false,
  speedIndex: DEFAULT_SPEED_INDEX,
  achieved: 0,
  lagging: false,
  paced: false,
}));

export const speedOf = (s: Pick<PlaybackState, 'speedIndex'>): number =>
  SPEEDS[s.speedIndex] ?? SPEEDS[DEFAULT_SPEED_INDEX];

export function setPlaying(playing: boolean): void {
  playbackStore.setState({ playing });
}

export function togglePlaying(): void {
  playbackStore.setState((s) => ({ playing: !s.playing }));
}

export function changeSpeed(delta: number): void {
  playbackStore.setState((s) => ({
    speedIndex: Math.max(0, Math.min(SPEEDS.length - 1, s.speedIndex + delta)),
  }));
}
