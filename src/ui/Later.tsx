import { useEffect, useSyncExternalStore, type ReactNode } from 'react';

// The workspace's parts mount one after another, each in a task of its own after the previous
// one was painted (issue 14: a slow laptop's load was a few long tasks — one commit of every
// part, then one layout and paint of all of them; Lighthouse charges each task's time over 50 ms
// at 4× as blocking time). The machine and the playback bar come first, with the workspace; the
// rest follows a display frame apart, in the order their place on the screen asks for.

/** The stages, in mounting order (the workspace itself is stage 0). */
export const STAGE = {
  step: 1,
  inspector: 2,
  dock: 3,
  log: 4,
  timeline: 5,
  metrics: 6,
  shell: 7,
  sandbox: 8,
} as const;
const LAST = Math.max(...Object.values(STAGE));
/** Without an animation frame (a hidden page), the next stage comes after this long. */
const HIDDEN_MS = 100;

let reached = 0;
let started = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The next stage once the browser has drawn the last one: an animation frame comes before that
 * frame's paint, and a task queued from it runs after the paint. Each stage's update is a default
 * one, set outside React: it renders and commits in that task alone. (Not a transition: a playing
 * page's frames interrupt a transition's slices and React draws them again from the start.)
 */
function advance(): void {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      reached += 1;
      for (const l of listeners) l();
      if (reached < LAST) advance();
    }, 0);
  };
  requestAnimationFrame(queue);
  // A hidden page gets no animation frames: its parts still come.
  setTimeout(queue, HIDDEN_MS);
}

/** Starts the stages once (the workspace's first mount); later mounts find them all reached. */
export function useStagesStart(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    advance();
  }, []);
}

/** Its children once the page's mounting has reached `at` (STAGE). */
export function Later({ at, children }: { readonly at: number; readonly children: ReactNode }) {
  const shown = useSyncExternalStore(subscribe, () => reached >= at);
  return shown ? children : null;
}
