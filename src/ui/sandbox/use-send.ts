import type { AppliedInput, Input } from '../../contract';
import { useState } from 'react';
import { useStore } from 'zustand';
import { pushInput } from '../../store/input-store';
import { simStore } from '../../store/sim-store';

/**
 * How every sandbox form acts. Every action ends in `send(input)`, which calls
 * `pushInput(input)` — the one way to act on the machine — and remembers the input, so a refusal
 * of *that* input (simStore.rejected) can be shown next to the form that sent it.
 */
export function useSend(): {
  readonly send: (input: Input) => void;
  readonly refusal: AppliedInput | undefined;
} {
  const [sent, setSent] = useState<{
    readonly input: string;
    readonly before: readonly AppliedInput[];
  } | null>(null);
  const rejected = useStore(simStore, (s) => s.rejected);
  let refusal: AppliedInput | undefined;
  if (sent) {
    for (let i = rejected.length - 1; i >= 0; i--) {
      const r = rejected[i] as AppliedInput;
      // Entries already there when we sent belong to someone else (the store keeps references).
      if (sent.before.includes(r)) break;
      if (JSON.stringify(r.input) === sent.input) {
        refusal = r;
        break;
      }
    }
  }
  const send = (input: Input) => {
    setSent({ input: JSON.stringify(input), before: simStore.getState().rejected });
    pushInput(input);
  };
  return { send, refusal };
}
