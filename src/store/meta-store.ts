import type { ConstantName, TimingConstant } from '../contract';
import { createStore } from 'zustand/vanilla';

/** Facts about the model that do not change while it runs: fetched once from the worker. */
export interface MetaState {
  readonly constants: Readonly<Record<ConstantName, TimingConstant>> | null;
  readonly engine: number | null;
}

export const metaStore = createStore<MetaState>(() => ({ constants: null, engine: null }));
