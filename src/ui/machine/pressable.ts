import type { KeyboardEvent } from 'react';
import { select, type Selection } from '../../store/selection-store';
import type { Rect } from '../../viz/machine-types';
import { encodeSelection } from '../inspector/selection-code';

/**
 * Props that make an SVG element a button: focusable, named, and pressed by a click, Enter or
 * Space (Space must not also reach the page's play/pause key). Read-only views (the twin) get
 * none: their SVG is one image with a summary.
 */
export function pressable(
  interactive: boolean,
  label: string,
  target: Selection,
  selected: boolean,
) {
  if (!interactive) return {};
  const press = () => select(target);
  return {
    role: 'button' as const,
    tabIndex: 0,
    'aria-label': label,
    'aria-pressed': selected,
    // What pressing it selects (lesson tasks and tests find selectable things by it).
    'data-select-kind': target.kind,
    'data-select': encodeSelection(target),
    onClick: press,
    onKeyDown: (e: KeyboardEvent<SVGElement>) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      press();
    },
  };
}

/** A box grown by `by` on every side (focus and selection rings around an element). */
export function around(r: Rect, by: number, rx: number) {
  return { x: r.x - by, y: r.y - by, width: r.w + 2 * by, height: r.h + 2 * by, rx: rx + by };
}

/** Where an SVG text goes for a laid-out box (vertically centred; anchored start or end). */
export function textAt(b: {
  x: number;
  y: number;
  w: number;
  h: number;
  anchor: 'start' | 'middle' | 'end';
}) {
  const x = b.anchor === 'start' ? b.x : b.anchor === 'end' ? b.x + b.w : b.x + b.w / 2;
  return { x, y: b.y + b.h / 2, textAnchor: b.anchor, dominantBaseline: 'central' as const };
}

/**
 * Between the texts of one pressable part (a kernel's group, a CPU cell): SVG draws no text
 * outside <text>, but whatever reads the part's words in order (axe's label-in-name check, a copy
 * and paste) gets "CPU 7 parked", not "CPU 7parked".
 */
export const WORD_GAP = ' ';

/**
 * An accessible name that starts with the words the element shows (WCAG 2.5.3, label in name: a
 * voice user says what they see), then what the picture leaves out.
 */
export function labelInName(shown: string, more: string): string {
  const words = (x: string) =>
    x
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (!shown || words(more).startsWith(words(shown))) return more;
  return `${shown}: ${more}`;
}
