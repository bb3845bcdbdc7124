import { describe, expect, it, vi } from 'vitest';
import type { Happening } from '../../../src/contract';
import { registerControls, type SimControls } from '../../../src/store/controls';
import { inputStore } from '../../../src/store/input-store';
import {
  momentStore,
  newestMoment,
  REPLAY_LEAD_NS,
  replayThat,
  SLOW_SPEED_INDEX,
  watchMoments,
} from '../../../src/store/moment-player';
import { DEFAULT_SPEED_INDEX, playbackStore } from '../../../src/store/playback-store';
import { simStore } from '../../../src/store/sim-store';

const h = (seq: number, t: number, kind: Happening['kind']): Happening =>
  ({ seq, t, kind, kernel: 1, detail: {} }) as unknown as Happening;

describe('the moment player', () => {
  it('finds the newest key moment after a sequence number, ignoring routine happenings', () => {
    const list = [h(1, 10, 'panic'), h(2, 20, 'workload.start'), h(3, 30, 'stall')];
    expect(newestMoment(list, 0)?.seq).toBe(3);
    expect(newestMoment(list.slice(0, 2), 0)?.seq).toBe(1);
    expect(newestMoment(list.slice(0, 2), 1)).toBeNull();
  });

  it('slows the player for a panic while playing, gives the speed back after, and "replay that" only seeks and plays (no machine input)', async () => {
    const seek = vi.fn((_t: number) => Promise.resolve());
    registerControls({ seek } as unknown as SimControls);
    playbackStore.setState({ playing: true, speedIndex: DEFAULT_SPEED_INDEX });
    const stop = watchMoments(() => true);
    simStore.setState({ t: 5_000_000, happenings: [h(7, 4_000_000, 'panic')] });
    expect(playbackStore.getState().speedIndex).toBe(SLOW_SPEED_INDEX);
    expect(momentStore.getState().last?.seq).toBe(7);
    simStore.setState({ t: 9_000_000 });
    expect(playbackStore.getState().speedIndex).toBe(DEFAULT_SPEED_INDEX);
    const queued = inputStore.getState().queue.length;
    expect(await replayThat()).toBe(true);
    expect(seek).toHaveBeenCalledWith(4_000_000 - REPLAY_LEAD_NS);
    expect(playbackStore.getState()).toMatchObject({ playing: true, speedIndex: SLOW_SPEED_INDEX });
    expect(inputStore.getState().queue.length).toBe(queued);
    stop();
  });
});
