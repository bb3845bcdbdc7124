import { expect, it } from 'vitest';
import { SimBridge } from '../../../src/bridge/sim-bridge';
import type { LogEntry } from '../../../src/contract';
import { extendTo } from '../../../src/features/presenter/follow-extend';
import { logKey } from '../../../src/features/presenter/protocol';
import { simStore } from '../../../src/store/sim-store';
import { inProcessSim } from '../../fixtures/presenter/follow-kit';

// A class's student whose tab is in the background gets no animation frames. The presenter's
// next step (inputs at this very instant) must still be applied at once — not after the
// follower's 3 s wait and a full replay, as CI saw (one student in three at 3.1 s).

it('a follower with no animation frames applies the presenter’s new inputs at once', async () => {
  // `raf` never calls back: the frame loop never runs, as in a hidden tab.
  const bridge = new SimBridge({
    spawn: inProcessSim,
    start: { scenario: 'datacenter', seed: 1 },
    raf: () => 0,
  });
  expect(await bridge.start()).toBe(true);
  const t = simStore.getState().t;
  const target = simStore.getState().view!.instances[0]!.name;
  const log: LogEntry[] = [
    ...bridge.inputLog,
    { atNs: t, input: { type: 'fault', kind: 'panic', target } },
  ];
  const began = Date.now();
  expect(await extendTo(bridge, log, logKey(log))).toBe(true);
  expect(Date.now() - began).toBeLessThan(1000);
  expect(logKey(bridge.inputLog)).toBe(logKey(log));
});
