import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import type { UiTask } from '../../content';
import { markUiDone } from '../../store/lesson-store';
import { selectionStore } from '../../store/selection-store';
import { encodeSelection } from '../inspector/selection-code';

/** Which of the things a step asks to select were selected during it (not saved: redone). */
export const uiParts = createStore<{ readonly step: number; readonly seen: readonly string[] }>(
  () => ({ step: -1, seen: [] }),
);

/**
 * Watch for a step's page task: selecting something of a kind in the inspector (a change of
 * selection made during the step), or each of several named things (`each`: CPU 2 and CPU 6 and
 * the memory bar — the task holds only when all were). Opening the card is marked by the card.
 */
export function useUiTask(step: number, task: UiTask | undefined): void {
  const what = task?.kind === 'select' ? task.what : null;
  const each = task?.kind === 'select' ? task.each?.join(' ') : undefined;
  useEffect(() => {
    if (!what) return;
    uiParts.setState({ step, seen: [] });
    const wanted = each ? each.split(' ') : null;
    return selectionStore.subscribe((s) => {
      if (!s.selected) return;
      if (!wanted) {
        if (s.selected.kind === what) markUiDone(step);
        return;
      }
      const key = encodeSelection(s.selected);
      const { seen } = uiParts.getState();
      if (!wanted.includes(key) || seen.includes(key)) return;
      const now = [...seen, key];
      uiParts.setState({ step, seen: now });
      if (wanted.every((w) => now.includes(w))) markUiDone(step);
    });
  }, [step, what, each]);
}
