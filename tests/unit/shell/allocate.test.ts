import { describe, expect, it } from 'vitest';
import { createMachine, preset } from '../../../src/sim';
import { runLine } from './helpers';

// kerf create --cpu-count on a machine with two NUMA nodes (CPUs 0–3 on node 0, 4–7 on node 1),
// the pool holding CPUs 1–7. Each expectation is worked out by hand from kerf's
// allocate_cpus_from_pool (create/main.py) for the same free list.
function twoNodes() {
  const s = preset('two-kernels');
  const m = createMachine(
    { config: { ...s.config, version: 'github', numaNodes: 2 }, setup: [] },
    1,
  );
  expect(runLine(m, 'kerf init --cpus=1-7 --memory=4GB').exit).toBe(0);
  return m;
}

const picked = (opts: string) => {
  const r = runLine(twoNodes(), `kerf create web --memory=512MB --dry-run ${opts}`);
  const line = r.output.map((l) => ('text' in l ? l.text : '')).find((t) => t.includes('CPUs:'));
  return line ?? r.output.map((l) => ('text' in l ? l.text : l.key)).join('\n');
};

describe('kerf create --cpu-count: the CPUs kerf would take', () => {
  it.each([
    ['--cpu-count=3', '1, 2, 3'],
    ['--cpu-count=3 --numa-nodes=1', '4, 5, 6'],
    ['--cpu-count=3 --cpu-affinity=spread', '1, 4, 7'],
    ['--cpu-count=4 --cpu-affinity=spread --numa-nodes=0,1', '1, 2, 4, 5'],
    ['--cpu-count=4 --cpu-affinity=local', '4, 5, 6, 7'],
  ])('%s → %s', (opts, cpus) => {
    expect(picked(opts)).toBe(`  CPUs: ${opts.match(/\d+/)?.[0]} CPUs auto-allocated: ${cpus}`);
  });

  it.each([
    [
      '--cpu-count=4 --cpu-affinity=local --numa-nodes=0,1',
      'Error: Not enough APIC IDs in NUMA node 0: requested 4, but only 3 available',
    ],
    [
      '--cpu-count=5 --cpu-affinity=local',
      "Error: No single NUMA node has 5 available APIC IDs for 'local' affinity",
    ],
    [
      '--cpu-count=5 --numa-nodes=1',
      'Error: Not enough APIC IDs available in NUMA nodes [1]: requested 5, but only 4 available',
    ],
  ])('%s is refused as kerf refuses it', (opts, message) => {
    const m = twoNodes();
    const r = runLine(m, `kerf create web --memory=512MB --dry-run ${opts}`);
    expect(r.exit).toBe(1);
    expect(r.output).toEqual([{ text: message, err: true }]);
    expect(r.inputs).toEqual([]);
  });

  it('a dry run changes nothing; the same line without it creates what it showed', () => {
    const m = twoNodes();
    const dry = runLine(m, 'kerf create web --cpu-count=2 --memory=1GB --numa-nodes=1 --dry-run');
    expect(dry.exit).toBe(0);
    expect(dry.inputs).toEqual([]);
    expect([...m.instances.values()].map((i) => i.name)).toEqual(['host']);
    const real = runLine(m, 'kerf create web --cpu-count=2 --memory=1GB --numa-nodes=1');
    expect(real.exit).toBe(0);
    expect([...m.instances.values()].find((i) => i.name === 'web')?.cpus).toEqual([4, 5]);
  });
});
