import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { machine, runLine } from '../unit/shell/helpers';

// A kerf line that prints success has done what it says, at the moment it says it: never a
// "✓" for a load, a boot or a halt the machine has not (yet) made (a boot: its CPU has claimed
// the mailbox, where the real call returns).

const NAMES = ['alpha', 'beta'] as const;
const SUCCESS: Record<string, string> = {
  '✓ Kernel loaded successfully': 'loaded',
  '✓ Boot command executed successfully': 'claimed',
  '✓ Shutdown command executed successfully': 'loaded',
};

const lineArb = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `kerf load ${n} --kernel=/boot/vmlinuz`),
  fc.constantFrom(...NAMES).map((n) => `kerf start ${n}`),
  fc.constantFrom(...NAMES).map((n) => `kerf kill ${n}`),
  fc.constantFrom(...NAMES).map((n) => `kerf kill --force ${n}`),
  fc.constantFrom(...NAMES).map((n) => `kerf unload ${n}`),
  fc.constantFrom(...NAMES).map((n) => `mklab lockup ${n}`),
  fc.constantFrom(...NAMES).map((n) => `mklab panic ${n}`),
  fc.constantFrom(4, 6).map((c) => `mklab claim-miss ${c}`),
);

describe('blocking kerf calls (property)', () => {
  it('never report success for a state change that did not happen', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), (lines) => {
        const m = machine();
        for (const line of lines) {
          const r = runLine(m, line);
          const name = line.split(' ').find((w) => (NAMES as readonly string[]).includes(w));
          const inst = [...m.instances.values()].find((i) => i.name === name);
          for (const l of r.output) {
            const want = 'text' in l ? SUCCESS[l.text] : undefined;
            if (want === undefined) continue;
            expect(r.exit).toBe(0);
            if (want === 'claimed') {
              // reboot(MULTIKERNEL) returns at the claim: the kernel boots on from there.
              const booting = inst?.pending?.op === 'exec' && inst.pending.claimed;
              expect(booting || inst?.state === 'active').toBe(true);
              continue;
            }
            expect(inst?.state).toBe(want);
            expect(inst?.pending ?? null).toBe(null);
          }
          if (r.exit === 0 && line.startsWith('kerf ') && !line.startsWith('kerf unload')) {
            expect(r.output.some((l) => 'text' in l && SUCCESS[l.text] !== undefined)).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
