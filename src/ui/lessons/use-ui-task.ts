import { useEffect } from 'react';
import type { UiTask } from '../../content';
import { markUiDone } from '../../store/lesson-store';
import { selectionStore } from '../../store/selection-store';

/**
 * Watch for a step's page task: selecting something of a kind in the inspector (a change of
 * selection made during the step), or, for the memory map (which the inspector does not
 * select), a click on it. Opening the card is marked by the card itself.
 */
export function useUiTask(step: number, task: UiTask | undefined): void {
  const what = task?.kind === 'select' ? task.what : null;
  useEffect(() => {
    if (!what) return;
    if (what === 'memory') {
      const onClick = (e: MouseEvent) => {
        if ((e.target as Element | null)?.closest?.('[data-hl="memory"]')) markUiDone(step);
      };
      document.addEventListener('click', onClick);
      return () => document.removeEventListener('click', onClick);
    }
    return selectionStore.subscribe((s) => {
      if (s.selected?.kind === what) markUiDone(step);
    });
  }, [step, what]);
}
