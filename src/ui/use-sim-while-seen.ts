import { startTransition, useCallback, useState, useSyncExternalStore } from 'react';
import { playbackStore } from '../store/playback-store';
import { simStore, type SimState } from '../store/sim-store';

/**
 * How often a part of the page that is out of view follows the machine. Often enough that what
 * it says (to a test, a screen reader, a find-in-page) is at most this stale; rarely enough that a
 * big machine's timeline and charts, thousands of elements below the fold, cost nearly nothing.
 */
const OFF_SCREEN_MS = 500;

/**
 * The same while the machine plays: once a second. A big machine's timeline redrawn out of view is
 * a 13–16 ms task on a CPU slowed 4×, and a display frame that has one is likely late: twice a
 * second, that is up to 3 % of a slow laptop's frames, where its budget allows 5 % (issue 14).
 * Measured (a scratch copy of bench:ui's slowed play, alternated builds): in a slow minute of this
 * VM 1.0–4.7 % of frames late at 500 ms against 1.2–2.0 % at 1,000 ms (3 runs each); in a fast
 * one, no difference (0.7–3.3 % against 1.2–3.1 %, 4 runs each). Paused, the half second stands.
 */
const OFF_SCREEN_PLAYING_MS = 1000;

/**
 * While the machine plays, a part in view that asks for it (the machine's drawing) follows it at
 * most once per this many ms: every other frame at 60 Hz. Its redraw — React, then the browser's
 * style and paint of a thousand SVG elements — was most of a frame's cost on a slow laptop, and
 * the CPUs' busy marks flip faster than an eye can follow; the message dots, drawn outside React,
 * still move with each frame (issue 14). A page that fell behind (`paced`: it asks for a frame at
 * every other animation frame, bridge/frame-pace.ts) draws it at most every 2 × PLAYING_MS, every
 * other frame it gets. Slowed 4× (a scratch copy of bench:ui's slowed play, 4 alternated runs):
 * main-thread task time 9.6–11.1 → 8.9–10.3 ms a display frame (script 0.4–0.6 ms less).
 */
export const PLAYING_MS = 30;

/** A frame skipped while playing is taken at most this long after it (the last before a pause). */
const SKIPPED_MS = 100;

/** What the parts of the page in view take in the next task: one timer, one React render. */
const next = new Set<() => void>();

/**
 * Runs `fn` in a task of its own after this one, with whatever else is queued for it; returns its
 * cancel. Playing, the parts in view take a frame there and not inside the frame's own task: the
 * frame's message (stores folded, message dots drawn) and React's redraw of the machine were one
 * task of 35–45 ms on a CPU slowed 4×, and a JIT's finalisation or a busy core in it made it
 * 50–69 ms (issue 14 allows none of 50 ms; traced, a scratch copy of the gate's play).
 */
function inNextTask(fn: () => void): () => void {
  if (next.size === 0) {
    setTimeout(() => {
      const fns = [...next];
      next.clear();
      for (const f of fns) f();
    }, 0);
  }
  next.add(fn);
  return () => void next.delete(fn);
}

/** Runs `fn` in `ms`; returns its cancel. */
function inMs(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, Math.max(0, ms));
  return () => clearTimeout(timer);
}

/** How far outside the viewport a part still counts as in view (it is drawn before it arrives). */
const MARGIN = '400px';

/**
 * Whether an element is in (or near) the viewport, by an IntersectionObserver. Use the returned
 * callback as the element's `ref`. True until first observed: a part is drawn before it is known
 * to be out of view.
 */
export function useOnScreen(): readonly [
  (el: Element | null) => (() => void) | undefined,
  boolean,
] {
  const [seen, setSeen] = useState(true);
  const ref = useCallback((el: Element | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setSeen(last.isIntersecting);
      },
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, seen] as const;
}

/** simStore as one part of the page takes it: everything while seen (at once paused; playing, in
 * the task after the frame's and at most a state per `playingMs` if given), a state per
 * OFF_SCREEN_MS (OFF_SCREEN_PLAYING_MS playing) while not, and the last change before a pause
 * taken when its turn comes. In view, `changed` says the snapshot moved; out of view, `behind`
 * gets the state and the snapshot stays where it was. */
function heldSim() {
  let state = simStore.getState();
  let at = -Infinity;
  return {
    snapshot: () => state,
    subscribe(
      seen: boolean,
      playingMs: number,
      changed: () => void,
      behind: (s: SimState) => void,
    ): () => void {
      // A take to come: its cancel, and whether it is the next task's (not a skipped frame's).
      let later: { readonly cancel: () => void; readonly soon: boolean } | undefined;
      const drop = () => {
        later?.cancel();
        later = undefined;
      };
      const take = () => {
        later = undefined;
        at = performance.now();
        if (!seen) return behind(simStore.getState());
        state = simStore.getState();
        changed();
      };
      if (seen) state = simStore.getState();
      const stop = simStore.subscribe(() => {
        const now = performance.now();
        const { playing, paced } = playbackStore.getState();
        if (!seen) {
          // Out of view, in a task of its own, never inside the frame that brought the change:
          // there, a slow laptop's frame and a whole timeline's redraw made one long task twice
          // a second (issue 14: 60 ms slowed 4×, and the next frame 50 ms late).
          const every = playing ? OFF_SCREEN_PLAYING_MS : OFF_SCREEN_MS;
          later ??= { cancel: inMs(take, at + every - now), soon: false };
        } else if (!playing) {
          // Paused: at once — a step, a seek, an answer is seen in the task that made it.
          drop();
          take();
        } else {
          const soon = now - at >= playingMs * (paced ? 2 : 1);
          if (later && (later.soon || !soon)) return;
          drop();
          later = soon
            ? { cancel: inNextTask(take), soon }
            : { cancel: inMs(take, SKIPPED_MS), soon };
        }
      });
      return () => {
        stop();
        drop();
      };
    },
  };
}

/**
 * The simulation's state for a part of the page: every frame while the part is in view (playing,
 * in the task after the frame's: `inNextTask`), every OFF_SCREEN_MS while it is not (once a second
 * playing; draw what is seen: the machine sends a frame per animation frame, and a part nobody
 * sees need not be redrawn at that rate). Back in view, it is current at once.
 * `playingMs`: while playing and in view, at most a state per this many ms (PLAYING_MS).
 *
 * Out of view, the state comes as a transition: React renders it in slices between the page's
 * frames, where a store's update (useSyncExternalStore) is rendered in one piece: a big machine's
 * timeline redrawn out of view was a timer's task of up to 41–43 ms on a CPU slowed 4× (traced;
 * issue 14 allows none of 50 ms, and this VM's slow minutes make tasks 1.5–2× longer).
 */
export function useSimWhileSeen(seen: boolean, playingMs = 0): SimState {
  const [held] = useState(heldSim);
  // Tagged with the subscription it came from: an earlier time out of view is never shown again.
  const [behind, setBehind] = useState<{ readonly from: object; readonly state: SimState }>();
  const subscribe = useCallback(
    function follow(changed: () => void): () => void {
      return held.subscribe(seen, playingMs, changed, (state) =>
        startTransition(() => setBehind({ from: follow, state })),
      );
    },
    [seen, playingMs, held],
  );
  const shown = useSyncExternalStore(subscribe, held.snapshot);
  return !seen && behind?.from === subscribe ? behind.state : shown;
}
