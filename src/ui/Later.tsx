import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { playbackStore } from '../store/playback-store';

// The workspace's parts mount one after another, each in a task of its own after the previous
// one was painted (issue 14: a slow laptop's load was a few long tasks — one commit of every
// part, then one layout and paint of all of them; Lighthouse charges each task's time over 50 ms
// at 4× as blocking time). The machine and the playback bar come first, with the workspace; the
// rest follows a display frame apart, in the order their place on the screen asks for.
//
// A part below the first screen (LaterBox) waits further, while the learner reads what is on it:
// it mounts when its box nears the window, or once the learner first does anything on the page
// (a key, a press, a wheel: from then on every part comes, one at a time in idle moments), or
// after the page has been quiet for a few seconds. A waiting box says so (`data-waiting`). On a
// phone the side column, the timeline, the charts, the shell and the sandbox are screens away;
// mounting them during the load was most of its blocking time. While the machine plays, woken
// parts wait for the pause, for their box to near the window, or for a Tab (the focus order needs
// them): each one's first drawing is a task of 50–90 ms on a laptop slowed 4×, and a learner who
// pressed Play as soon as the machine showed had them among the first second's frames (issue 14).

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
/** After the last stage, the parts still waiting come once the page was left alone this long. */
export const QUIET_MS = 3000;
/** A box this close to the window (a share of its height) is near: filled before it shows. */
const NEAR_MARGIN = '50% 0px';
const WAKE_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Woken, a waiting part comes in the page's idle time, or after this long without any. */
const IDLE_WAIT_MS = 1000;

/** How far the load's stages have come; how far the parts below the first screen have. */
let reached = 0;
let awake = 0;
let started = false;
let waking = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One step, then every part told; whether there are more. */
function stepAndTell(step: () => boolean): boolean {
  const more = step();
  for (const l of listeners) l();
  return more;
}

/**
 * Steps `step()` once per drawn frame until it says stop: an animation frame comes before that
 * frame's paint, and a task queued from it runs after the paint. Each step's update is a default
 * one, set outside React: it renders and commits in that task alone. (Not a transition: a playing
 * page's frames interrupt a transition's slices and React draws them again from the start.)
 */
function eachFrame(step: () => boolean): void {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      if (stepAndTell(step)) eachFrame(step);
    }, 0);
  };
  requestAnimationFrame(queue);
  // A hidden page gets no animation frames: its parts still come.
  setTimeout(queue, HIDDEN_MS);
}

/**
 * Steps `step()` in the page's idle time until it says stop, or after IDLE_WAIT_MS without any
 * (a machine playing on a slow laptop): a part mounting between a playing machine's frames
 * would make one of them late. Browsers without idle callbacks step once a frame.
 */
function eachIdle(step: () => boolean): void {
  if (typeof requestIdleCallback !== 'function') return eachFrame(step);
  requestIdleCallback(
    () => {
      if (stepAndTell(step)) eachIdle(step);
    },
    { timeout: IDLE_WAIT_MS },
  );
}

/** How many boxes wait at each stage: woken, the parts come stage by stage, skipping empty ones. */
const waitingAt = new Map<number, number>();

function countWaiting(at: number, by: 1 | -1): void {
  const n = (waitingAt.get(at) ?? 0) + by;
  if (n > 0) waitingAt.set(at, n);
  else waitingAt.delete(at);
}

/** The parts below the first screen come, in stage order, one stage at a time (once). */
function wake(): void {
  if (waking) return;
  waking = true;
  for (const type of WAKE_EVENTS) window.removeEventListener(type, wake, true);
  const come = (): void =>
    whenPaused(() =>
      eachIdle(() => {
        if (holding()) {
          come();
          return false;
        }
        const next = [...waitingAt.keys()].filter((at) => at > awake);
        awake = next.length > 0 ? Math.min(...next) : LAST;
        return awake < LAST;
      }),
    );
  come();
}

/** The boxes (by class) whose parts have been shown: a workspace drawn again (another machine
 * loaded, the twin turned on) has them at once, as the learner left them, playing or not. */
const came = new Set<string>();

/** Tab was pressed: a keyboard learner moves through the page, and a part not there is not in
 * the focus order. From then on the parts come even while the machine plays. */
let tabbed = false;

/** Whether woken parts wait: the machine plays, and no Tab asked for them. */
const holding = (): boolean => playbackStore.getState().playing && !tabbed;

/** `go()` now if parts need not wait, else at the next pause or Tab. */
function whenPaused(go: () => void): void {
  if (!holding()) return go();
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    tabbed = true;
    done();
  };
  const done = () => {
    stop();
    window.removeEventListener('keydown', onKey, true);
    go();
  };
  const stop = playbackStore.subscribe((s) => {
    if (!s.playing) done();
  });
  window.addEventListener('keydown', onKey, true);
}

/** Boxes that came near, each to be filled in a frame of its own (a fast scroll brings several). */
const nearing: (() => void)[] = [];

function nearSoon(fill: () => void): void {
  nearing.push(fill);
  if (nearing.length > 1) return;
  eachFrame(() => {
    nearing.shift()?.();
    return nearing.length > 0;
  });
}

/** Starts the stages once (the workspace's first mount); later mounts find them all reached. */
export function useStagesStart(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    for (const type of WAKE_EVENTS) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    }
    eachFrame(() => {
      reached += 1;
      if (reached < LAST) return true;
      setTimeout(wake, QUIET_MS);
      return false;
    });
  }, []);
}

/** Its children once the page's mounting has reached `at` (STAGE): a part of the first screen. */
export function Later({ at, children }: { readonly at: number; readonly children: ReactNode }) {
  const shown = useSyncExternalStore(subscribe, () => reached >= at);
  return shown ? children : null;
}

/**
 * A part's box (a labelled section, or a block without a label, or the side column), there from
 * the start; its children once the stages have reached `at` and the box is near the window or the
 * page woke (above). A part on the first screen comes at its stage (its observer's first report,
 * filled the next frame).
 */
export function LaterBox({
  at,
  className,
  label,
  side = false,
  children,
}: {
  readonly at: number;
  readonly className: string;
  readonly label?: string;
  readonly side?: boolean;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLElement & HTMLDivElement>(null);
  const staged = useSyncExternalStore(subscribe, () => reached >= at);
  const woken = useSyncExternalStore(subscribe, () => awake >= at || came.has(className));
  const [near, setNear] = useState(() => typeof IntersectionObserver !== 'function');
  const shown = staged && (near || woken);
  useEffect(() => {
    if (shown) return void came.add(className);
    countWaiting(at, 1);
    return () => countWaiting(at, -1);
  }, [at, shown, className]);
  useEffect(() => {
    const box = ref.current;
    if (!staged || shown || !box) return;
    const seen = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) nearSoon(() => setNear(true));
      },
      { rootMargin: NEAR_MARGIN },
    );
    seen.observe(box);
    return () => seen.disconnect();
  }, [staged, shown]);
  const Box = side ? 'aside' : label === undefined ? 'div' : 'section';
  return (
    <Box ref={ref} className={className} aria-label={label} data-waiting={shown ? undefined : ''}>
      {shown ? children : null}
    </Box>
  );
}
