import type { LabInput } from '../contract';
import { createStore } from 'zustand/vanilla';

/**
 * The one way to act on the machine (DESIGN §2): a click, a shell line, a lesson's "show me"
 * all push an input here; the bridge sends the queue with its next frame request. A shell line
 * (`{type: 'shell.line', line}`) is an input to the engine, which parses it into machine inputs.
 */
export interface InputState {
  readonly queue: readonly LabInput[];
}

export const inputStore = createStore<InputState>(() => ({ queue: [] }));

export function pushInput(input: LabInput): void {
  inputStore.setState((s) => ({ queue: [...s.queue, input] }));
}

export function hasInputs(): boolean {
  return inputStore.getState().queue.length > 0;
}

/** Take everything queued (the bridge, once per frame request). */
export function takeInputs(): LabInput[] {
  const q = inputStore.getState().queue;
  if (q.length > 0) inputStore.setState({ queue: [] });
  return [...q];
}

/** Put inputs back at the front (a request that never got an answer). */
export function requeueInputs(inputs: readonly LabInput[]): void {
  if (inputs.length === 0) return;
  inputStore.setState((s) => ({ queue: [...inputs, ...s.queue] }));
}
