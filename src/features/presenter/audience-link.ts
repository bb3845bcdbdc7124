import type { SimBridge } from '../../bridge/sim-bridge';
import { loadLocale } from '../../i18n';
import { playbackStore, setPlaying, SPEEDS } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { ignoreMessage, presenterStore } from './presenter-store';
import { simStore } from '../../store/sim-store';
import { statusStore } from '../../store/status-store';
import { PRESENTER_PROTOCOL, type PlaybackSnapshot, type PresenterMessage } from '../../contract';
import { channelName, parsePresenterMessage, planFollow } from './protocol';

/** Ask again while nobody answers (the presenter's window may still be loading). */
const HELLO_EVERY_MS = 1000;

type Sync = Extract<PresenterMessage, { type: 'sync' }>;

const isSync = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'sync';

/**
 * The audience's end: its own worker replays the presenter's machine (start spec + log from
 * `sync`), and its playback follows `state` — the same step, time, speed and play/pause. The
 * work runs one step at a time (a reload or a seek finishes before the next is planned), always
 * against the latest message, so a burst of key presses costs one reload, not one each.
 */
export function startAudienceLink(bridge: SimBridge, session: string): void {
  const channel = new BroadcastChannel(channelName(session));
  let latestSync: Sync | null = null;
  let latestState: PlaybackSnapshot | null = null;
  /** The log key the local worker replays (null until the first sync is loaded). */
  let replaying: string | null = null;
  /** A log key whose machine did not boot here: not tried again until Retry. */
  let failedKey: string | null = null;
  /** A sync came that this window refused, and no valid one since. */
  let refusedSync = false;
  let busy = false;
  let dirty = false;

  // The audience never runs ahead on its own clock before the presenter says so.
  setPlaying(false);

  const hello = () => channel.postMessage({ v: PRESENTER_PROTOCOL, type: 'hello' });
  const asking = setInterval(() => {
    if (presenterStore.getState().link !== 'following') hello();
  }, HELLO_EVERY_MS);
  hello();

  const applyLooks = (st: PlaybackSnapshot) => {
    const prefs = prefsStore.getState();
    if (prefs.theme !== st.theme) prefsStore.setState({ theme: st.theme });
    if (prefs.lang !== st.lang) {
      const lang = st.lang;
      void loadLocale(lang).then(() => prefsStore.setState({ lang }));
    }
    if (presenterStore.getState().blank !== st.blank) presenterStore.setState({ blank: st.blank });
    if (playbackStore.getState().speedIndex !== st.speedIndex)
      playbackStore.setState({ speedIndex: st.speedIndex });
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (dirty) {
        dirty = false;
        const st = latestState;
        if (!st) continue;
        applyLooks(st);
        const speed = SPEEDS[st.speedIndex] ?? 1;
        const plan = planFollow({ logKey: replaying, t: simStore.getState().t }, st, speed);
        if (plan.reload) {
          const sync = latestSync;
          // The sync for this state is on its way (messages from one sender keep their order) —
          // unless the one that came was refused (past this window's limits): waiting would be
          // for ever, so say so. A stray invalid message alone changes nothing (DESIGN §7).
          if (sync?.logKey !== st.logKey) {
            if (refusedSync) presenterStore.setState({ failure: { kind: 'sync' } });
            continue;
          }
          if (sync.logKey === failedKey) continue;
          setPlaying(false);
          presenterStore.setState({ reloading: true });
          let booted = false;
          try {
            booted = await bridge.load(sync.start, { log: sync.log, t: st.t });
          } finally {
            presenterStore.setState({ reloading: false });
          }
          if (!booted) {
            // Say why, and wait for Retry: the projector never just waits.
            const boot = statusStore.getState().failure;
            failedKey = sync.logKey;
            replaying = null;
            if (boot) presenterStore.setState({ failure: { kind: 'boot', boot } });
            continue;
          }
          replaying = sync.logKey;
          presenterStore.setState({ failure: null });
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

  presenterStore.subscribe((s, prev) => {
    if (s.retries === prev.retries) return;
    failedKey = null;
    hello();
    dirty = true;
    void pump();
  });

  channel.onmessage = (e: MessageEvent) => {
    const m = parsePresenterMessage(e.data);
    if (!m) {
      ignoreMessage();
      if (isSync(e.data)) refusedSync = true;
      return;
    }
    if (m.type === 'sync') {
      refusedSync = false;
      if (presenterStore.getState().failure?.kind === 'sync')
        presenterStore.setState({ failure: null });
    }
    if (m.type === 'bye') {
      setPlaying(false);
      presenterStore.setState({ link: 'gone', blank: false });
      return;
    }
    if (m.type === 'sync') latestSync = m;
    else if (m.type === 'state') {
      // One sender's messages arrive in order (BroadcastChannel), so the latest state wins.
      const { v: _v, type: _type, seq: _seq, ...snapshot } = m;
      latestState = snapshot;
      presenterStore.setState({ link: 'following' });
    } else return;
    dirty = true;
    void pump();
  };

  addEventListener('pagehide', () => {
    clearInterval(asking);
    channel.close();
  });
}
