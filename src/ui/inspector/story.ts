import type { TimingConstant, TrafficEvent } from '../../contract';
import type { MessageKey } from '../../i18n';

/** Pure helpers behind the inspector (tests/unit/ui/inspector.test.ts). */

export interface MessageStory {
  /** The event that was selected. */
  readonly picked: TrafficEvent;
  /** The message entering a ring or slot; absent when it was refused or dropped at once. */
  readonly send: TrafficEvent | null;
  /** What became of it: deliver, reject, overwrite or drop; null while it is in flight. */
  readonly fate: TrafficEvent | null;
  /** A bare IPI of a flood carries no message. */
  readonly raw: boolean;
}

/**
 * A message's life from the page's traffic buffer: the event with `seq`, then the send and the
 * fate sharing its message id (ids are unique: sender id × 2³² + the sender's count).
 */
export function messageStory(traffic: readonly TrafficEvent[], seq: number): MessageStory | null {
  const picked = traffic.find((x) => x.seq === seq);
  if (!picked) return null;
  if (picked.kind === 'ipi' || picked.id < 0) return { picked, send: null, fate: null, raw: true };
  let send: TrafficEvent | null = null;
  let fate: TrafficEvent | null = null;
  for (const x of traffic) {
    if (x.id !== picked.id) continue;
    if (x.kind === 'send') send ??= x;
    else if (x.kind !== 'ipi') fate ??= x;
  }
  return { picked, send, fate, raw: false };
}

/** The sender's own count in a message id (ids are sender × 2³² + count). */
export const messageNumber = (id: number): number => id % 0x100000000;

/** The newest message send (or refusal) in the buffer: what "latest message" selects. */
export function latestMessage(traffic: readonly TrafficEvent[]): TrafficEvent | null {
  for (let i = traffic.length - 1; i >= 0; i--) {
    const x = traffic[i] as TrafficEvent;
    if (x.kind === 'send' || x.kind === 'reject' || (x.kind === 'drop' && x.cpu >= 0)) return x;
  }
  return null;
}

/** Drop reasons the facts do not give are the model's (DESIGN §3): they say so. */
export function isModelReason(reason: string): boolean {
  return reason === 'target-halted' || reason === 'ring-reset' || reason === 'target-gone';
}

/** How sure the model is of a constant, as a label; the low ones are flagged on the page. */
export const CONFIDENCE: Readonly<
  Record<TimingConstant['confidence'], { readonly key: MessageKey; readonly flag: boolean }>
> = {
  high: { key: 'inspector.conf.high', flag: false },
  medium: { key: 'inspector.conf.medium', flag: false },
  low: { key: 'inspector.conf.low', flag: true },
  'vendor-claim': { key: 'inspector.conf.vendor-claim', flag: true },
  model: { key: 'inspector.conf.model', flag: true },
};

/** A constant's value in its unit, via the page's number formatting. */
export function constantValue(
  c: Pick<TimingConstant, 'value' | 'unit'>,
  fmt: {
    readonly ns: (n: number) => string;
    readonly count: (n: number) => string;
  },
): string {
  switch (c.unit) {
    case 'ns':
      return fmt.ns(c.value);
    case 'bytes':
      return `${fmt.count(c.value)} B`;
    case 'count':
      return fmt.count(c.value);
    case 'permille':
      return `${fmt.count(c.value)} ‰`;
  }
}
