import { useCallback, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { select } from '../../store/selection-store';
import type { LaneRow } from '../../viz/timeline-lanes';
import { rowKey } from './diagram-metrics';

/**
 * Roving focus over the diagram's rows: one tab stop; the arrow keys, Home and End move between
 * group headers and lanes; Enter or Space selects the kernel or the CPU. The handlers hold while
 * the rows do, so the memoised rows are not drawn again for them.
 */
export function useRowFocus(rows: readonly LaneRow[], bodyRef: RefObject<SVGSVGElement | null>) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const keys = useMemo(() => rows.map(rowKey), [rows]);
  const active = focusKey && keys.includes(focusKey) ? focusKey : (keys[0] ?? null);
  const choose = useCallback((r: LaneRow) => {
    setFocusKey(rowKey(r));
    if (r.kind === 'lane') select({ kind: 'cpu', id: r.cpu });
    else if (r.owner >= 0) select({ kind: 'kernel', id: r.owner });
  }, []);
  const onRowKey = useCallback(
    (e: KeyboardEvent<SVGGElement>, r: LaneRow) => {
      const i = keys.indexOf(rowKey(r));
      let next = -1;
      if (e.key === 'ArrowDown') next = Math.min(keys.length - 1, i + 1);
      else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = keys.length - 1;
      else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        choose(r);
        return;
      } else return;
      e.preventDefault();
      const key = keys[next];
      if (key === undefined) return;
      setFocusKey(key);
      bodyRef.current?.querySelector<SVGGElement>(`[data-row="${key}"]`)?.focus();
    },
    [keys, choose, bodyRef],
  );
  return { active, choose, onRowKey, setFocusKey };
}
