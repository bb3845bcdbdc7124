import { useMemo } from 'react';
import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';

/** The kernels' ids and names: what a sentence about the machine names them by. */
export interface KernelNames {
  readonly instances: readonly { readonly id: number; readonly name: string }[];
}

/**
 * The machine's kernel names, the same object until a name comes, goes or changes. A part that
 * only names kernels (the event log, a lesson's moment) need not draw itself again for every
 * frame's new view: while playing, the event log did, twelve lines a frame (issue 14).
 */
export function useKernelNames(): KernelNames {
  const key = useStore(simStore, (s) =>
    JSON.stringify(s.view?.instances.map((i) => [i.id, i.name]) ?? []),
  );
  return useMemo(() => {
    const pairs = JSON.parse(key) as [number, string][];
    return { instances: pairs.map(([id, name]) => ({ id, name })) };
  }, [key]);
}
