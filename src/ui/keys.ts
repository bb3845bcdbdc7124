import { replayThat } from '../store/moment-player';
import { useEffect } from 'react';
import { changeSpeed, togglePlaying } from '../store/playback-store';
import { controls } from '../store/controls';
import { prefsStore, setPrefs, type Theme } from '../store/prefs-store';
import { simStore } from '../store/sim-store';
import { lessonStore } from '../store/lesson-store';
import { select } from '../store/selection-store';
import { nextStep, previousStep, showMe } from './lessons/navigation';
import { presenterStore, setBlank, toggleBlank } from '../features/presenter/presenter-store';
import { revealNow } from '../features/presenter/reveal-now';

/** DESIGN §5's one table of keys. The overlay (`?`) lists the same entries. */
export const KEYS = [
  { keys: ['Space'], action: 'keys.playPause' },
  { keys: ['.'], action: 'keys.nextEvent' },
  { keys: [','], action: 'keys.prevEvent' },
  { keys: ['+', '-'], action: 'keys.speed' },
  { keys: ['→', 'PageDown'], action: 'keys.nextStep' },
  { keys: ['←', 'PageUp'], action: 'keys.prevStep' },
  { keys: ['r'], action: 'keys.replay' },
  { keys: ['f'], action: 'keys.fullscreen' },
  { keys: ['b'], action: 'keys.blank' },
  { keys: ['a'], action: 'keys.reveal' },
  { keys: ['F5'], action: 'keys.showMe' },
  { keys: ['l'], action: 'keys.language' },
  { keys: ['t'], action: 'keys.theme' },
  { keys: ['?'], action: 'keys.help' },
  { keys: ['Esc'], action: 'keys.close' },
] as const;

const THEMES: Theme[] = ['auto', 'light', 'dark'];

/** The time of the latest thing the page knows that happened before `t` (for "previous event"). */
export function previousEventTime(t: number): number | null {
  const s = simStore.getState();
  let best = -1;
  for (const x of s.traffic) if (x.t < t && x.t > best) best = x.t;
  for (const x of s.cpuMarks) if (x.t < t && x.t > best) best = x.t;
  for (const x of s.happenings) if (x.t < t && x.t > best) best = x.t;
  return best >= s.startT ? best : null;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) || el.isContentEditable;
}

export function useKeys(onLang: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const p = prefsStore.getState();
      switch (e.key) {
        case ' ':
          // Space on a focused control presses it, not play/pause.
          if ((e.target as Element | null)?.closest?.('button, summary, [role="button"]')) return;
          e.preventDefault();
          togglePlaying();
          return;
        case '.':
          void controls.stepEvent();
          return;
        case ',': {
          const t = previousEventTime(simStore.getState().t);
          if (t !== null) void controls.seek(t);
          return;
        }
        case '+':
        case '=':
          changeSpeed(1);
          return;
        case '-':
          changeSpeed(-1);
          return;
        case 'l':
          onLang();
          return;
        case 't':
          setPrefs({ theme: THEMES[(THEMES.indexOf(p.theme) + 1) % THEMES.length] ?? 'auto' });
          return;
        case 'f':
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          return;
        case 'r':
        case 'R':
          // "Replay that": the player back to just before the latest key moment of a lesson.
          if (lessonStore.getState().slug) void replayThat();
          return;
        case '?':
          setPrefs({ keysOpen: !p.keysOpen });
          return;
        case 'a':
          // Reveal the answer on the projector (and close the class's question): presenter only.
          revealNow();
          return;
        case 'F5':
          // A clicker's "start slideshow" button (F5, then Shift+F5): "show me" at the room's
          // pace. Presenter mode only, where reloading the page mid-class is never wanted.
          if (presenterStore.getState().mode !== 'presenter') return;
          e.preventDefault();
          if (lessonStore.getState().slug && lessonStore.getState().page === 'step') showMe(false);
          return;
        case 'b':
          // Blank screen: a presenter's key only (elsewhere `b` does nothing).
          if (presenterStore.getState().mode === 'presenter') toggleBlank();
          return;
        case 'ArrowRight':
        case 'PageDown':
        case 'ArrowLeft':
        case 'PageUp': {
          // Lesson steps, while a lesson runs and no dialog is open.
          if (!lessonStore.getState().slug || document.querySelector('dialog[open]')) return;
          e.preventDefault();
          if (e.key === 'ArrowRight' || e.key === 'PageDown') nextStep();
          else previousStep();
          return;
        }
        case 'Escape':
          if (p.keysOpen) setPrefs({ keysOpen: false });
          else if (presenterStore.getState().blank) setBlank(false);
          else select(null);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLang]);
}
