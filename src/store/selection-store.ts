import type { ConstantName } from '../contract';
import { createStore } from 'zustand/vanilla';

/** What the inspector shows; the machine view and the timeline highlight it. */
export type Selection =
  | { readonly kind: 'cpu'; readonly id: number }
  | { readonly kind: 'kernel'; readonly id: number }
  | { readonly kind: 'device'; readonly pci: string }
  | { readonly kind: 'message'; readonly seq: number }
  | { readonly kind: 'workload'; readonly id: number }
  | { readonly kind: 'constant'; readonly name: ConstantName }
  | { readonly kind: 'memory' };

export interface SelectionState {
  readonly selected: Selection | null;
}

export const selectionStore = createStore<SelectionState>(() => ({ selected: null }));

export function select(selected: Selection | null): void {
  selectionStore.setState({ selected });
}

export function isSelected(s: Selection | null, x: Selection): boolean {
  if (!s || s.kind !== x.kind) return false;
  return JSON.stringify(s) === JSON.stringify(x);
}
