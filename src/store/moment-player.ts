import type { Happening, HappeningKind, TrafficEvent } from '../contract';
import { createStore } from 'zustand/vanilla';
import { controls } from './controls';
import { DEFAULT_SPEED_INDEX, playbackStore } from './playback-store';
import { simStore } from './sim-store';

/**
 * The player's "moments" (issue 12): a happening a learner must not miss — a panic, a lockup, a
 * halt, a stall, a corruption, a flood — slows the player down for a short stretch of simulated
 * time, and "replay that" (one key) rewinds to just before the latest one and plays it slowly.
 * Everything here is the player's (speed, seek, play): nothing enters the machine's input log,
 * so the machine's trace is the same with or without it. Shared by every window that plays a
 * machine (the app's lessons; a presenter's or an audience's window may wire it the same way).
 */
export const MOMENT_KINDS: ReadonlySet<HappeningKind> = new Set<HappeningKind>([
  'panic',
  'lockup',
  'kill.timeout',
  'claim-miss',
  'dma.corrupt',
  'scribble',
  'stall',
  'ipi-flood',
  'instance.state',
]);

/** A ring that refused nothing for this long and now refuses a message is "filling": a moment. */
export const RING_QUIET_NS = 10_000_000;

/** What the player slows down for: a key happening, or a kernel's ring starting to refuse. */
export type Moment =
  | { readonly kind: 'happening'; readonly t: number; readonly happening: Happening }
  | { readonly kind: 'ring-full'; readonly t: number; readonly kernel: number };

/** Slow motion: 1 ms of the machine per second (the default is 10 ms/s). */
export const SLOW_SPEED_INDEX = DEFAULT_SPEED_INDEX - 1;
/** How long the slow stretch lasts, in simulated time after the moment. */
export const SLOW_SPAN_NS = 3_000_000;
/** "Replay that" stands this long before the moment. */
export const REPLAY_LEAD_NS = 1_000_000;

export interface MomentState {
  /** The latest moment seen (what "replay that" goes back to). */
  readonly last: Moment | null;
  /** While slowed: the simulated time at which the learner's speed comes back, and that speed. */
  readonly slowUntil: number | null;
  readonly restoreSpeed: number;
}

export const momentStore = createStore<MomentState>(() => ({
  last: null,
  slowUntil: null,
  restoreSpeed: DEFAULT_SPEED_INDEX,
}));

/** Pure: the newest moment among these happenings, after `afterSeq` (null when none). */
export function newestMoment(happenings: readonly Happening[], afterSeq: number): Happening | null {
  for (let i = happenings.length - 1; i >= 0; i--) {
    const h = happenings[i];
    if (!h || h.seq <= afterSeq) return null;
    if (MOMENT_KINDS.has(h.kind)) return h;
  }
  return null;
}

/**
 * Pure: the newest message refused because a kernel's ring was full (-ENOSPC) after `afterSeq`,
 * when that ring had refused nothing for `RING_QUIET_NS` before — the moment it filled, not
 * each of the refusals that follow. `lastRefused` (kernel → time) is updated as it reads.
 */
export function ringFilled(
  traffic: readonly TrafficEvent[],
  afterSeq: number,
  lastRefused: Map<number, number>,
): Moment | null {
  let found: Moment | null = null;
  // Only what is new (the list is in order): this runs on every frame of a lesson.
  let from = traffic.length;
  while (from > 0 && (traffic[from - 1]?.seq ?? -1) > afterSeq) from--;
  for (const e of traffic.slice(from)) {
    if (e.kind !== 'reject' || e.reason !== 'ENOSPC') continue;
    const before = lastRefused.get(e.to);
    if (before === undefined || e.t - before > RING_QUIET_NS)
      found = { kind: 'ring-full', t: e.t, kernel: e.to };
    lastRefused.set(e.to, e.t);
  }
  return found;
}

/**
 * Watch the machine for moments while `active()` says so (a lesson shows a step). Returns the
 * unsubscribe. A moment met during play slows the player; the learner's speed comes back after
 * `SLOW_SPAN_NS` of simulated time (or at once if they change the speed themselves).
 */
export function watchMoments(active: () => boolean): () => void {
  let seenSeq = simStore.getState().happenings.at(-1)?.seq ?? -1;
  let seenTraffic = simStore.getState().traffic.at(-1)?.seq ?? -1;
  const lastRefused = new Map<number, number>();
  return simStore.subscribe((s) => {
    const head = s.happenings.at(-1)?.seq ?? -1;
    const h = active() && head > seenSeq ? newestMoment(s.happenings, seenSeq) : null;
    seenSeq = Math.max(seenSeq, head);
    const trafficHead = s.traffic.at(-1)?.seq ?? -1;
    if (trafficHead < seenTraffic) {
      // Seeked back: the machine's traffic starts again from there.
      seenTraffic = trafficHead;
      lastRefused.clear();
    }
    const ring =
      active() && trafficHead > seenTraffic
        ? ringFilled(s.traffic, seenTraffic, lastRefused)
        : null;
    seenTraffic = Math.max(seenTraffic, trafficHead);
    const m = newer(h ? { kind: 'happening', t: h.t, happening: h } : null, ring);
    const ms = momentStore.getState();
    const pb = playbackStore.getState();
    if (m && pb.playing) {
      const restore = ms.slowUntil === null ? pb.speedIndex : ms.restoreSpeed;
      momentStore.setState({ last: m, slowUntil: m.t + SLOW_SPAN_NS, restoreSpeed: restore });
      if (pb.speedIndex > SLOW_SPEED_INDEX)
        playbackStore.setState({ speedIndex: SLOW_SPEED_INDEX });
      return;
    }
    if (m) momentStore.setState({ last: m });
    if (
      ms.slowUntil !== null &&
      (s.t >= ms.slowUntil || s.t < (ms.last?.t ?? 0) - REPLAY_LEAD_NS)
    ) {
      momentStore.setState({ slowUntil: null });
      if (pb.speedIndex === SLOW_SPEED_INDEX)
        playbackStore.setState({ speedIndex: ms.restoreSpeed });
    }
  });
}

function newer(a: Moment | null, b: Moment | null): Moment | null {
  if (!a || !b) return a ?? b;
  return b.t > a.t ? b : a;
}

/** "Replay that": back to just before the latest moment, playing in slow motion. */
export async function replayThat(): Promise<boolean> {
  const m = momentStore.getState().last;
  if (!m) return false;
  const pb = playbackStore.getState();
  const start = simStore.getState().startT;
  await controls.seek(Math.max(start, m.t - REPLAY_LEAD_NS));
  momentStore.setState({
    slowUntil: m.t + SLOW_SPAN_NS,
    restoreSpeed:
      momentStore.getState().slowUntil === null
        ? pb.speedIndex
        : momentStore.getState().restoreSpeed,
  });
  playbackStore.setState({ speedIndex: Math.min(pb.speedIndex, SLOW_SPEED_INDEX), playing: true });
  return true;
}
