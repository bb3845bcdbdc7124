import { expect, it } from 'vitest';
import { SimBridge } from '../../../src/bridge/sim-bridge';
import { PRESENTER_PROTOCOL, type PlaybackSnapshot } from '../../../src/contract';
import { createFollower } from '../../../src/features/presenter/follower';
import { logKey } from '../../../src/features/presenter/protocol';
import { playbackStore } from '../../../src/store/playback-store';
import { simStore } from '../../../src/store/sim-store';
import { inProcessSim } from '../../fixtures/presenter/follow-kit';
import { PLAIN_LOOKS } from '../../fixtures/presenter/plain-looks';

// The audience pauses where the presenter paused — even when a frame it asked for while playing
// is still on its way when the pause comes (e2e saw the projector stand 0.17–0.5 ms ahead, paused,
// for good: the follower compared the clocks, then that frame landed and moved this one on).

it('a pause that comes while a frame is in flight: the audience stands at the presenter’s time', async () => {
  // The frame loop runs only when the test calls it (an animation frame at `now`).
  let frame: (now: number) => void = () => undefined;
  const bridge = new SimBridge({
    spawn: inProcessSim,
    start: { scenario: 'datacenter', seed: 1 },
    raf: (cb) => {
      frame = cb;
      return 0;
    },
  });
  expect(await bridge.start()).toBe(true);
  const key = logKey(bridge.inputLog);
  const state = (playing: boolean, t: number): PlaybackSnapshot => ({
    lesson: null,
    t,
    playing,
    speedIndex: playbackStore.getState().speedIndex,
    logLength: bridge.inputLog.length,
    logKey: key,
    ...PLAIN_LOOKS,
  });
  const follower = createFollower(bridge, () => undefined);
  const settled = (playing: boolean) =>
    expect.poll(() => playbackStore.getState().playing, { timeout: 5000 }).toBe(playing);
  follower.sync({
    v: PRESENTER_PROTOCOL,
    type: 'sync',
    start: bridge.startSpec,
    log: [...bridge.inputLog],
    logKey: key,
  });
  follower.state(state(true, simStore.getState().t));
  await settled(true);
  // Playing: two animation frames, and the second asks the worker for a frame that moves on.
  frame(1000);
  await bridge.flush();
  frame(1016);
  const presenterT = simStore.getState().t;
  // The presenter pauses right there, before that frame has landed here.
  follower.state(state(false, presenterT));
  await settled(false);
  // That frame lands (it moves this clock on); the audience goes back to the presenter's time.
  await bridge.flush();
  await expect.poll(() => simStore.getState().t, { timeout: 3000 }).toBe(presenterT);
  // And it stays there.
  frame(1032);
  await bridge.flush();
  expect(simStore.getState().t).toBe(presenterT);
});
