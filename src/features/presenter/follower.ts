import type { SimBridge } from '../../bridge/sim-bridge';
import { setPlaying, SPEEDS } from '../../store/playback-store';
import { simStore } from '../../store/sim-store';
import { statusStore, type BootFailure } from '../../store/status-store';
import type { PlaybackSnapshot, PresenterMessage } from '../../contract';
import { extendTo, stepBackTo } from './follow-extend';
import { planFollow } from './protocol';

type Sync = Extract<PresenterMessage, { type: 'sync' }>;

/** What a follower says about itself, for its window to show. */
export interface FollowReport {
  readonly reloading?: boolean;
  readonly failure?:
    { readonly kind: 'boot'; readonly boot: BootFailure } | { readonly kind: 'sync' } | null;
}

/**
 * A lab that follows a presenter's machine: its own worker replays the presenter's start spec
 * and log (`sync`), and its playback follows `state` — the same step, time, speed and
 * play/pause. The work runs one step at a time (a reload or a seek finishes before the next is
 * planned), always against the latest message, so a burst of key presses costs one reload, not
 * one each. Shared by the audience window (BroadcastChannel) and a class's students (the
 * session server): only the transport differs.
 */
export function createFollower(
  bridge: SimBridge,
  report: (r: FollowReport) => void,
  looks: (st: PlaybackSnapshot) => void = () => undefined,
) {
  let latestSync: Sync | null = null;
  let latestState: PlaybackSnapshot | null = null;
  /** The log key the local worker replays (null until the first sync is loaded). */
  let replaying: string | null = null;
  /** A log key whose machine did not boot here: not tried again until Retry. */
  let failedKey: string | null = null;
  /** A sync came that this window refused, and no valid one since. */
  let refusedSync = false;
  let paused = false;
  let busy = false;
  let dirty = false;

  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (dirty && !paused) {
        dirty = false;
        const st = latestState;
        if (!st) continue;
        looks(st);
        // Paused there: stop here first, and let a frame this lab asked for while it played land
        // before the clocks are compared (`flush` waits for it). Landing after the comparison, it
        // moved this clock on and the projector stood that frame ahead of the presenter for good
        // (seen in e2e: 0.17–0.5 ms ahead, paused, with nothing left to correct it).
        if (!st.playing) {
          setPlaying(false);
          await bridge.flush();
        }
        const speed = SPEEDS[st.speedIndex] ?? 1;
        const plan = planFollow({ logKey: replaying, t: simStore.getState().t }, st, speed);
        if (plan.reload) {
          const sync = latestSync;
          // The sync for this state is on its way (messages from one sender keep their order) —
          // unless the one that came was refused (past this window's limits): waiting would be
          // for ever, so say so. A stray invalid message alone changes nothing (DESIGN §7).
          if (sync?.logKey !== st.logKey) {
            if (refusedSync) report({ failure: { kind: 'sync' } });
            continue;
          }
          if (sync.logKey === failedKey) continue;
          // A step moved on at this instant, or back: the same step here, not a full replay.
          const back = st.lesson?.step ?? null;
          if (
            replaying !== null &&
            ((await extendTo(bridge, sync.log, sync.logKey)) ||
              (await stepBackTo(bridge, sync.log, sync.logKey, back)))
          ) {
            replaying = sync.logKey;
            dirty = true;
            continue;
          }
          setPlaying(false);
          report({ reloading: true });
          let booted = false;
          try {
            booted = await bridge.load(sync.start, { log: sync.log, t: st.t });
          } finally {
            report({ reloading: false });
          }
          if (!booted) {
            // Say why, and wait for Retry: the projector never just waits.
            const boot = statusStore.getState().failure;
            failedKey = sync.logKey;
            replaying = null;
            if (boot) report({ failure: { kind: 'boot', boot } });
            continue;
          }
          replaying = sync.logKey;
          report({ failure: null });
          dirty = true;
          continue;
        }
        if ((bridge.startSpec.twin ?? false) !== st.twin) await bridge.setTwin(st.twin);
        if (plan.seekTo !== null) await bridge.seek(plan.seekTo);
        setPlaying(st.playing);
      }
    } finally {
      busy = false;
    }
  };
  const kick = () => {
    dirty = true;
    void pump();
  };

  return {
    sync(m: Sync) {
      refusedSync = false;
      latestSync = m;
      kick();
    },
    /** A sync came that did not pass its check. */
    refused() {
      refusedSync = true;
    },
    state(st: PlaybackSnapshot) {
      latestState = st;
      // What the projector shows beside the machine (answer, charts, blank, theme) follows at
      // once, not after a replay the pump may be waiting on (seconds on a busy machine).
      if (!paused) looks(st);
      kick();
    },
    retry() {
      failedKey = null;
      kick();
    },
    /** Stop following (a student breaking away): the lab is theirs until `resume`. */
    pause() {
      paused = true;
    },
    /** Follow again: the presenter's machine is replayed afresh, whatever was done meanwhile. */
    resume() {
      paused = false;
      replaying = null;
      kick();
    },
  };
}
