import fc from 'fast-check';
import { expect } from 'vitest';
import { hostileValue, materialize, mutate, mutation } from './hostile-values';

// How the message fuzzers judge a validator (tests/property/fuzz-*.property.test.ts).

/** A valid message, one made hostile in one place, or anything at all: which, and the data. */
export const tagged = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    valid.map((data) => ({ kind: 'valid', data })),
    fc
      .tuple(valid, mutation)
      .map(([v, m]) => ({ kind: 'mutated', data: materialize(mutate(v, m)) })),
    hostileValue.map((v) => ({ kind: 'hostile', data: materialize(v) })),
  );

/**
 * How a validator must judge what `tagged` made: a valid message is taken as it is (`read` of
 * it equals `expected` of it), a hostile one refused, a mutated one either. Returns whether it
 * was refused.
 */
export function judge(
  t: { kind: string; data: unknown },
  read: (x: unknown) => unknown,
  expected: (x: unknown) => unknown,
): boolean {
  const out = read(t.data);
  if (t.kind === 'valid') expect(out === null ? null : out).not.toBeNull();
  if (t.kind === 'hostile') expect(out).toBeNull();
  if (out !== null) expect(out).toEqual(expected(t.data));
  return out === null;
}
