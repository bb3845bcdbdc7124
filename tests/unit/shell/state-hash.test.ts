import { describe, expect, it } from 'vitest';
import { advanceTo, apply, stateHash, stateText, traceHash } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { machine } from './helpers';

describe('stateHash: the state, not the history', () => {
  it('two machines built alike hash alike; a clone hashes as its original', () => {
    const a = machine();
    const b = machine();
    expect(stateHash(a)).toBe(stateHash(b));
    expect(stateHash(structuredClone(a))).toBe(stateHash(a));
    expect(stateHash(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with the state: a CPU, an instance, the clock', () => {
    const m = machine();
    const h0 = stateHash(m);
    expect(apply(m, { type: 'cpu.hotplug', cpu: 2, online: false }).ok).toBe(true);
    const h1 = stateHash(m);
    expect(h1).not.toBe(h0);
    advanceTo(m, m.now + 1 * MS);
    expect(stateHash(m)).not.toBe(h1);
  });

  it('ignores history: a refused input leaves it, though it may count or narrate', () => {
    const m = machine();
    const before = stateHash(m);
    const trace = traceHash(m);
    expect(apply(m, { type: 'instance.exec', name: 'nobody' }).ok).toBe(false);
    m.counters.events += 5;
    m.recent.push({ seq: 999, t: 0, kind: 'version', kernel: 0, detail: {} });
    expect(stateHash(m)).toBe(before);
    expect(traceHash(m)).toBe(trace);
  });

  it('does not depend on the order of the event heap, only on the events', () => {
    const m = machine();
    const copy = structuredClone(m);
    copy.queue.reverse();
    expect(stateText(copy)).toBe(stateText(m));
  });
});
