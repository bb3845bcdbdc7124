import { useLayoutEffect, type RefObject } from 'react';
import type { Selection } from '../../store/selection-store';

/** Below this width the lesson screen is one column and the inspector opens as a bottom sheet. */
const NARROW = '(max-width: 1099px)';
const GAP = 12;

/**
 * On a phone, in a lesson, the inspector is a sheet over the bottom of the window: when something
 * is selected, the page scrolls so that the thing selected (what the step is about) stands above
 * the sheet instead of under it.
 */
export function useSheetClearance(
  sheet: RefObject<HTMLElement | null>,
  selected: Selection | null,
): void {
  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el || !selected || !el.closest('.lesson-screen') || !matchMedia(NARROW).matches) return;
    const picked = document.querySelector(
      `#stage [data-select-kind="${selected.kind}"][aria-pressed="true"]`,
    );
    if (!picked) return;
    const top = el.getBoundingClientRect().top;
    const box = picked.getBoundingClientRect();
    if (box.bottom + GAP > top) window.scrollBy({ top: box.bottom + GAP - top, behavior: 'auto' });
  }, [sheet, selected]);
}
