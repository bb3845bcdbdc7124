import { describe, expect, it } from 'vitest';
import type { TrafficEvent } from '../../../src/sim';
import {
  CONFIDENCE,
  constantValue,
  isModelReason,
  latestMessage,
  messageNumber,
  messageStory,
} from '../../../src/ui/inspector/story';
import { decodeSelection, encodeSelection } from '../../../src/ui/inspector/selection-code';

const ev = (
  seq: number,
  kind: TrafficEvent['kind'],
  id: number,
  extra: Partial<TrafficEvent> = {},
) =>
  ({
    seq,
    t: seq * 1000,
    kind,
    id,
    from: 0,
    to: 1,
    cpu: 0,
    category: 'USER',
    subtype: 'generic',
    reason: '',
    ...extra,
  }) as TrafficEvent;

const A = 0x100000000 + 5; // kernel 1's 5th message
const B = 7;

describe('messageStory', () => {
  const traffic = [
    ev(10, 'send', A),
    ev(11, 'send', B),
    ev(12, 'ipi', -1, { category: 'IPI', subtype: 'raw' }),
    ev(13, 'deliver', A, { cpu: 4 }),
    ev(14, 'reject', 9, { reason: 'ENOSPC' }),
  ];

  it('joins a send with its fate, whichever event was picked', () => {
    const s = messageStory(traffic, 10);
    expect(s?.send?.seq).toBe(10);
    expect(s?.fate?.seq).toBe(13);
    expect(messageStory(traffic, 13)?.send?.seq).toBe(10);
  });

  it('leaves the fate empty while the message is in flight', () => {
    expect(messageStory(traffic, 11)).toMatchObject({ fate: null, raw: false });
  });

  it('tells a refused message (never sent) and a raw IPI apart', () => {
    expect(messageStory(traffic, 14)).toMatchObject({ send: null, raw: false });
    expect(messageStory(traffic, 14)?.fate?.kind).toBe('reject');
    expect(messageStory(traffic, 12)).toMatchObject({ raw: true, send: null, fate: null });
  });

  it('answers null for a message no longer in the buffer', () => {
    expect(messageStory(traffic, 3)).toBeNull();
  });

  it('finds the newest message and numbers it within its sender', () => {
    expect(latestMessage(traffic)?.seq).toBe(14);
    expect(latestMessage([ev(1, 'ipi', -1), ev(2, 'deliver', 3)])).toBeNull();
    expect(messageNumber(A)).toBe(5);
  });

  it('flags drop reasons that are model assumptions', () => {
    expect(isModelReason('target-halted')).toBe(true);
    expect(isModelReason('ring-reset')).toBe(true);
    expect(isModelReason('ENOSPC')).toBe(false);
  });
});

describe('selection strings', () => {
  it('round-trip every kind', () => {
    for (const s of [
      { kind: 'cpu', id: 3 },
      { kind: 'kernel', id: 0 },
      { kind: 'workload', id: 12 },
      { kind: 'device', pci: '0000:03:00.0' },
      { kind: 'message', seq: 99 },
      { kind: 'constant', name: 'ipiLatency' },
    ] as const) {
      expect(decodeSelection(encodeSelection(s))).toEqual(s);
    }
    expect(encodeSelection(null)).toBe('');
    expect(decodeSelection('')).toBeNull();
    expect(decodeSelection('cpu:x')).toBeNull();
    expect(decodeSelection('bogus:1')).toBeNull();
  });
});

describe('constants', () => {
  const fmt = { ns: (n: number) => `${n}ns`, count: (n: number) => String(n) };
  it('formats each unit', () => {
    expect(constantValue({ value: 100, unit: 'ns' }, fmt)).toBe('100ns');
    expect(constantValue({ value: 4096, unit: 'bytes' }, fmt)).toBe('4096 B');
    expect(constantValue({ value: 64, unit: 'count' }, fmt)).toBe('64');
    expect(constantValue({ value: 300, unit: 'permille' }, fmt)).toBe('300 ‰');
  });

  it('flags low, vendor-claim and model confidence', () => {
    expect(CONFIDENCE.high.flag).toBe(false);
    expect(CONFIDENCE.medium.flag).toBe(false);
    expect(CONFIDENCE.low.flag).toBe(true);
    expect(CONFIDENCE['vendor-claim'].flag).toBe(true);
    expect(CONFIDENCE.model.flag).toBe(true);
  });
});
