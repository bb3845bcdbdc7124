import { expose } from 'comlink';
import { afterEach, expect, it, vi } from 'vitest';
import { SimBridge } from '../../../src/bridge/sim-bridge';
import type { FrameRequest } from '../../../src/contract';
import { playbackStore, SPEEDS } from '../../../src/store/playback-store';
import { initialSim, simStore } from '../../../src/store/sim-store';
import { statusStore } from '../../../src/store/status-store';
import { createSimApi } from '../../../src/worker/api';

// Issue 14: a slow page draws fewer frames, but the machine keeps the asked speed: each frame
// request covers the wall time since the last advance, animation frames missed while a request
// was in flight included.

const status = statusStore.getState();
const playback = playbackStore.getState();
afterEach(() => {
  statusStore.setState(status, true);
  playbackStore.setState(playback, true);
  simStore.setState(initialSim, true);
});

/** A bridge on a real machine, its animation frames called by the test; `asked`: each request's
 * advance in ns. */
async function bridgeOnTicks() {
  const api = createSimApi();
  const asked: number[] = [];
  const counted = { ...api, frame: (r: FrameRequest) => (asked.push(r.advanceNs), api.frame(r)) };
  const { port1, port2 } = new MessageChannel();
  expose(counted, port1 as unknown as MessagePort);
  let tick: (now: number) => void = () => undefined;
  const bridge = new SimBridge({
    spawn: () => ({
      port: port2 as unknown as MessagePort,
      terminate: () => port1.close(),
      onError: () => undefined,
    }),
    start: { scenario: 'two-kernels', seed: 1 },
    raf: (cb) => ((tick = cb), 0),
  });
  expect(await bridge.start()).toBe(true);
  playbackStore.setState({ playing: true, speedIndex: 3 });
  const answered = async (n: number) => {
    await vi.waitFor(() => expect(asked).toHaveLength(n));
    await bridge.flush(); // returns once the request in flight is answered
  };
  return { bridge, asked, answered, tick: (now: number) => tick(now) };
}

const speed = SPEEDS[3]; // 1 µs of machine time per wall second
const ns = (ms: number) => Math.round((speed * ms) / 1000);

it('asks for the wall time the page spent behind, not one animation frame of it', async () => {
  const { asked, answered, tick } = await bridgeOnTicks();
  tick(1000); // the first frame: no wall time behind it yet
  await answered(1);
  tick(1016);
  // The page is behind: three animation frames pass while the request is in flight.
  tick(1032);
  tick(1048);
  tick(1064);
  await answered(2);
  tick(1080);
  await answered(3);
  expect(asked).toEqual([0, ns(16), ns(64)]);
});

it('behind, it asks at every other animation frame, each frame covering both', async () => {
  const { bridge, asked, answered, tick } = await bridgeOnTicks();
  // Animation frames that each missed the display (33 ms apart): the fourth late one makes it
  // behind, and the frame at it is not asked for (one was, at the one before).
  for (let i = 0; i < 4; i++) {
    tick(1000 + 33 * i);
    await answered(i + 1);
  }
  expect(bridge.pace.paced).toBe(false);
  tick(1132);
  expect(bridge.pace.paced).toBe(true);
  // Said to the page (its machine drawing then takes every other frame: use-sim-while-seen.ts).
  expect(playbackStore.getState().paced).toBe(true);
  // Then on time: a frame at every other one, each covering the wall time since the last.
  for (let i = 1; i <= 6; i++) {
    tick(1132 + 16 * i);
    if (i % 2 === 1) await answered(4 + (i + 1) / 2);
  }
  expect(asked).toEqual([0, ns(33), ns(33), ns(33), ns(16 + 33), ns(32), ns(32)]);
  // A pause ends it.
  playbackStore.setState({ playing: false });
  tick(1300);
  expect(bridge.pace.paced).toBe(false);
  expect(playbackStore.getState().paced).toBe(false);
});
