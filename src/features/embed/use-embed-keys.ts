import { useEffect } from 'react';
import { togglePlaying } from '../../store/playback-store';
import { currentStep, gotoStep } from './step-goto';

/**
 * The frame's keys (a subset of DESIGN §5's table, since the host page owns the rest): Space
 * plays or pauses, ← → and PageUp / PageDown change the lesson step. They work with `controls=none`
 * too, so a reader can always pause an embed that plays by itself.
 */
export function useEmbedKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
      const target = e.target as Element | null;
      if (target?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
      const c = currentStep();
      switch (e.key) {
        case ' ':
          // Space on a focused control presses it.
          if (target?.closest?.('button, summary, a, [role="button"]')) return;
          e.preventDefault();
          togglePlaying();
          return;
        case 'ArrowRight':
        case 'PageDown':
          if (c && gotoStep(c.step + 1)) e.preventDefault();
          return;
        case 'ArrowLeft':
        case 'PageUp':
          if (c && gotoStep(c.step - 1)) e.preventDefault();
          return;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
