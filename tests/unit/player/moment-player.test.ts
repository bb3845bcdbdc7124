import { describe, expect, it, vi } from 'vitest';
import type { Happening, TrafficEvent } from '../../../src/contract';
import { registerControls, type SimControls } from '../../../src/store/controls';
import { inputStore } from '../../../src/store/input-store';
import {
  momentStore,
  newestMoment,
  REPLAY_LEAD_NS,
  RING_QUIET_NS,
  ringFilled,
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
    expect(momentStore.getState().last).toMatchObject({ kind: 'happening', happening: { seq: 7 } });
    simStore.setState({ t: 9_000_000 });
    expect(playbackStore.getState().speedIndex).toBe(DEFAULT_SPEED_INDEX);
    const queued = inputStore.getState().queue.length;
    expect(await replayThat()).toBe(true);
    expect(seek).toHaveBeenCalledWith(4_000_000 - REPLAY_LEAD_NS);
    expect(playbackStore.getState()).toMatchObject({ playing: true, speedIndex: SLOW_SPEED_INDEX });
    expect(inputStore.getState().queue.length).toBe(queued);
    stop();
  });

  it('a ring that starts refusing is a moment once, not at each refusal after', () => {
    const refused = (seq: number, t: number, to: number, reason = 'ENOSPC'): TrafficEvent =>
      ({
        seq,
        t,
        kind: 'reject',
        to,
        from: 1,
        id: seq,
        cpu: 2,
        category: 'USER',
        subtype: 'request',
        reason,
      }) as TrafficEvent;
    const seen = new Map<number, number>();
    const burst = [refused(1, 100, 2), refused(2, 101, 2), refused(3, 102, 2)];
    expect(ringFilled(burst, 0, seen)).toEqual({ kind: 'ring-full', t: 100, kernel: 2 });
    // The same burst going on: nothing new.
    expect(ringFilled([refused(4, 200, 2)], 3, seen)).toBeNull();
    // Another reason is not a full ring; another kernel's ring is its own moment.
    expect(ringFilled([refused(5, 300, 3, 'EINVAL')], 4, seen)).toBeNull();
    expect(ringFilled([refused(6, 300, 3)], 5, seen)).toMatchObject({ kernel: 3 });
    // After a quiet stretch the ring fills again: a moment again.
    expect(ringFilled([refused(7, 200 + RING_QUIET_NS + 1, 2)], 6, seen)).toMatchObject({
      kernel: 2,
    });
  });

  it('slows the player when a ring fills while a lesson plays', () => {
    playbackStore.setState({ playing: true, speedIndex: DEFAULT_SPEED_INDEX });
    simStore.setState({ t: 1_000, traffic: [], happenings: [] });
    momentStore.setState({ last: null, slowUntil: null });
    const stop = watchMoments(() => true);
    const e = {
      seq: 11,
      t: 2_000,
      kind: 'reject',
      to: 2,
      from: 1,
      id: 1,
      cpu: 2,
      category: 'USER',
      subtype: 'request',
      reason: 'ENOSPC',
    } as TrafficEvent;
    simStore.setState({ t: 2_500, traffic: [e] });
    expect(momentStore.getState().last).toEqual({ kind: 'ring-full', t: 2_000, kernel: 2 });
    expect(playbackStore.getState().speedIndex).toBe(SLOW_SPEED_INDEX);
    stop();
  });
});
