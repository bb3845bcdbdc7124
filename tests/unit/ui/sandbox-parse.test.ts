import { describe, expect, it } from 'vitest';
import {
  allowedVerbs,
  effective,
  formatCpuList,
  messageLimit,
  parseCpuList,
  parseInstanceName,
  parseIntField,
  parseRequiredInt,
  parseSubtype,
  parseWorkloadName,
  startFromSearch,
} from '../../../src/ui/sandbox/parse';

describe('parseCpuList', () => {
  it('reads ranges and single ids, keeping the order given (the first one boots)', () => {
    expect(parseCpuList('4-5,7', 8)).toEqual({ ok: true, value: [4, 5, 7] });
    expect(parseCpuList(' 7, 4-5 ', 8)).toEqual({ ok: true, value: [7, 4, 5] });
    expect(parseCpuList('3', 8)).toEqual({ ok: true, value: [3] });
    expect(parseCpuList('2 3', 8)).toEqual({ ok: true, value: [2, 3] });
    expect(parseCpuList('1–3', 8)).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it('names what is wrong', () => {
    expect(parseCpuList('', 8)).toEqual({ ok: false, error: { key: 'sandbox.err.cpusEmpty' } });
    expect(parseCpuList('9-2', 16)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.cpusReversed', params: { range: '9-2', a: 9, b: 2 } },
    });
    expect(parseCpuList('4-x', 8)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.cpusSyntax', params: { token: '4-x' } },
    });
    expect(parseCpuList('-3', 8)).toMatchObject({
      ok: false,
      error: { key: 'sandbox.err.cpusSyntax' },
    });
    expect(parseCpuList('6-9', 8)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.cpusUnknown', params: { cpu: 8, max: 7 } },
    });
    expect(parseCpuList('4-5,5', 8)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.cpusTwice', params: { cpu: 5 } },
    });
  });

  it('round-trips through formatCpuList', () => {
    expect(formatCpuList([4, 5, 6, 7])).toBe('4–7');
    expect(formatCpuList([4, 5])).toBe('4, 5');
    expect(formatCpuList([0, 2, 3, 4, 9])).toBe('0, 2–4, 9');
    expect(formatCpuList([])).toBe('');
    const text = formatCpuList([1, 2, 3, 6]).replaceAll('–', '-');
    expect(parseCpuList(text, 8)).toEqual({ ok: true, value: [1, 2, 3, 6] });
  });
});

describe('number fields', () => {
  it('takes whole numbers in range, and an empty optional field as undefined', () => {
    expect(parseIntField('64', 0, 100)).toEqual({ ok: true, value: 64 });
    expect(parseIntField(' ', 0, 100, true)).toEqual({ ok: true, value: undefined });
    expect(parseIntField('', 0, 100)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.required' },
    });
    expect(parseIntField('1.5', 0, 100)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.notWhole' },
    });
    expect(parseIntField('101', 0, 100)).toEqual({
      ok: false,
      error: { key: 'sandbox.err.range', params: { min: 0, max: 100 } },
    });
    expect(parseRequiredInt('7', 1, 10)).toEqual({ ok: true, value: 7 });
    expect(parseRequiredInt('', 1, 10).ok).toBe(false);
  });
});

describe('names', () => {
  it('accepts kerf-style instance names and refuses taken ones', () => {
    expect(parseInstanceName(' gamma ', ['alpha'])).toEqual({ ok: true, value: 'gamma' });
    expect(parseInstanceName('Gamma', [])).toMatchObject({
      ok: false,
      error: { key: 'sandbox.err.name' },
    });
    expect(parseInstanceName('9x', [])).toMatchObject({ ok: false });
    expect(parseInstanceName('alpha', ['alpha'])).toEqual({
      ok: false,
      error: { key: 'sandbox.err.nameTaken', params: { name: 'alpha' } },
    });
  });

  it('checks workload names and message subtypes', () => {
    expect(parseWorkloadName('web2', ['web'])).toEqual({ ok: true, value: 'web2' });
    expect(parseWorkloadName('web', ['web']).ok).toBe(false);
    expect(parseWorkloadName('a b', []).ok).toBe(false);
    expect(parseSubtype('')).toEqual({ ok: true, value: undefined });
    expect(parseSubtype('MEM_ADD')).toEqual({ ok: true, value: 'MEM_ADD' });
    expect(parseSubtype('no spaces').ok).toBe(false);
  });
});

describe('machine rules the forms mirror', () => {
  it('allows the verbs of the lifecycle table from each state', () => {
    expect(allowedVerbs('ready')).toEqual(['load', 'delete']);
    expect(allowedVerbs('loaded')).toEqual(['exec', 'unload']);
    expect(allowedVerbs('active')).toEqual(['kill', 'force', 'memAdd']);
    expect(allowedVerbs('failed')).toEqual(['delete']);
  });

  it('knows the message size of each version', () => {
    expect(messageLimit('github')).toBe(4096);
    expect(messageLimit('v1')).toBe(256);
    expect(messageLimit('v2')).toBe(256);
  });

  it('keeps a chosen option while it is offered', () => {
    expect(effective('b', ['a', 'b'], '')).toBe('b');
    expect(effective('c', ['a', 'b'], '')).toBe('a');
    expect(effective('c', [], 'none')).toBe('none');
  });

  it('reads the start preset and seed from the URL as the app does', () => {
    expect(startFromSearch('?scenario=web-db&seed=42')).toEqual({ preset: 'web-db', seed: 42 });
    expect(startFromSearch('?scenario=nope&seed=x')).toEqual({ preset: 'two-kernels', seed: 1 });
    expect(startFromSearch('')).toEqual({ preset: 'two-kernels', seed: 1 });
  });
});
