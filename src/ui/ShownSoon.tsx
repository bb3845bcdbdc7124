import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { playbackStore } from '../store/playback-store';
import { simStore } from '../store/sim-store';

/** How long a part waits for its slices before it is drawn at once, whatever else happens. */
const AT_MOST_MS = 1500;

/**
 * A part of the page that the first picture does not need (the timeline, the charts): drawn once
 * the machine's first frame is there, in a transition — React draws it in slices the browser can
 * interrupt, not inside the first frame's one long task (issue 14: a CPU profile of the load had
 * the timeline's lanes as its biggest part). A playing page's frames interrupt the slices at every
 * animation frame, and each interruption throws the slices drawn so far away: playing (or after
 * AT_MOST_MS), it is drawn at once.
 */
export function ShownSoon({ children }: { readonly children: ReactNode }) {
  const ready = useStore(simStore, (s) => s.view !== null);
  const playing = useStore(playbackStore, (s) => s.playing);
  const [shown, setShown] = useState(false);
  // Playing: in this render (state taken from what the page is doing, as React allows).
  if (ready && playing && !shown) setShown(true);
  useEffect(() => {
    if (!ready || shown) return;
    startTransition(() => setShown(true));
    const id = setTimeout(() => setShown(true), AT_MOST_MS);
    return () => clearTimeout(id);
  }, [ready, shown]);
  return shown ? children : null;
}
