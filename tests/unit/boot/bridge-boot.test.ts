import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimBridge } from '../../../src/bridge/sim-bridge';
import type { SimEndpoint } from '../../../src/bridge/endpoint';
import { Interrupted } from '../../../src/bridge/worker-slot';
import { translate } from '../../../src/i18n';
import { playbackStore } from '../../../src/store/playback-store';
import { statusStore } from '../../../src/store/status-store';
import { failureText } from '../../../src/ui/status-text';
import { S } from '../../../src/sim/time';
import { createSimApi } from '../../../src/worker/api';

// Issue 11: the bridge's boots. A worker that misses its start deadline is stopped and the page
// says what happened (a first start is not a "restart"); a long replay reports how far it has
// got and stops where it is cancelled; a call waiting on a worker that goes is told so.

const initial = statusStore.getState();
afterEach(() => statusStore.setState(initial, true));

/** A worker on this thread: `api` behind a MessageChannel, as `?mainthread` runs it. */
function endpoint(api: object): SimEndpoint & { terminated: boolean } {
  const { port1, port2 } = new MessageChannel();
  expose(api, port1 as unknown as MessagePort);
  const ep = {
    port: port2 as unknown as MessagePort,
    terminated: false,
    terminate() {
      ep.terminated = true;
      port1.close();
      port2.close();
    },
    onError: () => undefined,
  };
  return ep;
}

const never = <T>() => new Promise<T>(() => undefined);
/**
 * A worker whose module loads, then never answers again: stuck in one long step. (Comlink
 * answers a call once its promise settles, so a promise that never does is a silent worker.)
 */
const stuck = (): object => ({
  hello: createSimApi().hello,
  init: () => never(),
  replayProgress: () => never(),
});

const said = () => {
  const f = statusStore.getState().failure;
  if (!f) throw new Error('no failure');
  return failureText((k, p) => translate('en', k, p), f);
};

const bridgeOn = (spawn: () => SimEndpoint) =>
  new SimBridge({
    spawn,
    start: { scenario: 'datacenter', seed: 1 },
    timeoutMs: 50,
    raf: () => 0,
  });

describe('the bridge boots within bounds', () => {
  it('a first start that misses its deadline stops the worker and says it did not start', async () => {
    const workers: ReturnType<typeof endpoint>[] = [];
    const bridge = bridgeOn(() => {
      const w = endpoint(workers.length === 0 ? stuck() : createSimApi());
      workers.push(w);
      return w;
    });
    expect(await bridge.start()).toBe(false);
    expect(statusStore.getState()).toMatchObject({
      phase: 'failed',
      failure: { kind: 'silent', during: 'start', ms: 200 },
    });
    expect(workers.map((w) => w.terminated)).toEqual([true]);
    expect(said()).toBe(
      'The machine did not start: the simulator did not answer for 0.2 s, so it was stopped.',
    );
    // Retry boots again, on a fresh worker (this one answers).
    expect(await bridge.retry()).toBe(true);
    expect(statusStore.getState()).toMatchObject({ phase: 'running', failure: null });
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('a restart that misses it says the simulator could not be restarted', async () => {
    let n = 0;
    let tick: (now: number) => void = () => undefined;
    // The first worker runs, then goes silent in a frame; its replacement never answers.
    const wedged = { ...createSimApi(), frame: () => never() };
    const bridge = new SimBridge({
      spawn: () => endpoint(n++ === 0 ? wedged : stuck()),
      start: { scenario: 'two-kernels', seed: 1 },
      timeoutMs: 50,
      raf: (cb) => ((tick = cb), 0),
    });
    expect(await bridge.start()).toBe(true);
    tick(0);
    tick(100);
    await vi.waitFor(() => expect(statusStore.getState().phase).toBe('failed'));
    expect(statusStore.getState()).toMatchObject({
      restarts: 1,
      failure: { kind: 'silent', during: 'restart' },
    });
    expect(said()).toBe(
      'The simulator could not be restarted: it did not answer for 0.2 s, so it was stopped.',
    );
  });

  it('a long replay reports how far it has got, and Cancel leaves it there, paused', async () => {
    const bridge = new SimBridge({
      spawn: () => endpoint(createSimApi()),
      start: { scenario: 'datacenter', seed: 1 },
      raf: () => 0,
    });
    bridge.prime({ scenario: 'datacenter', seed: 1 }, { log: [], t: 1000 * S });
    playbackStore.setState({ playing: true });
    const started = bridge.start();
    await vi.waitFor(() => expect(statusStore.getState().replay?.atNs).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    expect(statusStore.getState()).toMatchObject({
      phase: 'starting',
      replay: { targetNs: 1000 * S },
    });
    bridge.cancelReplay();
    expect(await started).toBe(true);
    const s = statusStore.getState();
    expect(s).toMatchObject({ phase: 'running', replay: null, stopped: { reason: 'cancelled' } });
    expect(s.stopped?.atNs).toBeLessThan(1000 * S);
    expect(playbackStore.getState().playing).toBe(false);
    expect(await bridge.hash()).toMatch(/^[0-9a-f]+$/);
  });

  it('a call waiting on a worker that is replaced is told so, never left waiting', async () => {
    const slow = { ...createSimApi(), checkScenario: () => never() };
    const bridge = bridgeOn(() => endpoint(slow));
    expect(await bridge.start()).toBe(true);
    const asked = bridge.checkScenario({ config: {} as never, setup: [] }, 1);
    void bridge.load({ scenario: 'two-kernels', seed: 1 });
    await expect(asked).rejects.toBeInstanceOf(Interrupted);
  });
});
