import { describe, expect, it } from 'vitest';
import { jsonMemo } from '../../../src/ui/sandbox/memo';

describe('jsonMemo', () => {
  it('returns the same object while the derived value is equal as JSON', () => {
    let calls = 0;
    const sel = jsonMemo((s: { names: string[]; tick: number }) => {
      calls++;
      return s.names.map((n) => ({ n }));
    });
    const a = sel({ names: ['x', 'y'], tick: 1 });
    const b = sel({ names: ['x', 'y'], tick: 2 });
    expect(b).toBe(a);
    const c = sel({ names: ['x'], tick: 3 });
    expect(c).not.toBe(a);
    expect(c).toEqual([{ n: 'x' }]);
    expect(calls).toBe(3);
  });

  it('skips the work for the very same input', () => {
    let calls = 0;
    const sel = jsonMemo((s: { v: number }) => {
      calls++;
      return s.v;
    });
    const s = { v: 1 };
    sel(s);
    sel(s);
    expect(calls).toBe(1);
  });

  it('handles undefined results', () => {
    const sel = jsonMemo((s: { v?: number }) => s.v);
    expect(sel({})).toBeUndefined();
    expect(sel({ v: 2 })).toBe(2);
    expect(sel({})).toBeUndefined();
  });
});
