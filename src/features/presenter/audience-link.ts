import type { SimBridge } from '../../bridge/sim-bridge';
import { loadLocale } from '../../i18n';
import { playbackStore, setPlaying } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { ignoreMessage, presenterStore } from './presenter-store';
import { PRESENTER_PROTOCOL, type PlaybackSnapshot } from '../../contract';
import { createFollower } from './follower';
import { channelName, parsePresenterMessage } from './protocol';
import { classOnProjector } from './class-on-projector';

/** Ask again while nobody answers (the presenter's window may still be loading). */
const HELLO_EVERY_MS = 1000;

const isSync = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'sync';

/** The projector shows what the presenter's window shows: theme, language, blank, speed. */
function applyLooks(st: PlaybackSnapshot): void {
  const prefs = prefsStore.getState();
  if (prefs.theme !== st.theme) prefsStore.setState({ theme: st.theme });
  if (prefs.lang !== st.lang) {
    const lang = st.lang;
    void loadLocale(lang).then(() => prefsStore.setState({ lang }));
  }
  if (presenterStore.getState().blank !== st.blank) presenterStore.setState({ blank: st.blank });
  const shown = presenterStore.getState().onScreen;
  const next = { page: st.page, revealed: st.revealed, chartsShown: st.chartsShown, card: st.card };
  if ((Object.keys(next) as (keyof typeof next)[]).some((k) => shown[k] !== next[k]))
    presenterStore.setState({ onScreen: next });
  if (playbackStore.getState().speedIndex !== st.speedIndex)
    playbackStore.setState({ speedIndex: st.speedIndex });
}

/**
 * The audience's end of the presenter's BroadcastChannel: a follower (./follower.ts) fed by
 * the channel's `sync` and `state`, and the live class's room code and tally when one runs.
 */
export function startAudienceLink(bridge: SimBridge, session: string): void {
  const channel = new BroadcastChannel(channelName(session));
  const follower = createFollower(bridge, (r) => presenterStore.setState(r), applyLooks);

  // The audience never runs ahead on its own clock before the presenter says so.
  setPlaying(false);

  const hello = () => channel.postMessage({ v: PRESENTER_PROTOCOL, type: 'hello' });
  const asking = setInterval(() => {
    if (presenterStore.getState().link !== 'following') hello();
  }, HELLO_EVERY_MS);
  hello();

  presenterStore.subscribe((s, prev) => {
    if (s.retries === prev.retries) return;
    hello();
    follower.retry();
  });

  channel.onmessage = (e: MessageEvent) => {
    const m = parsePresenterMessage(e.data);
    if (!m) {
      ignoreMessage();
      if (isSync(e.data)) follower.refused();
      return;
    }
    if (m.type === 'sync') {
      if (presenterStore.getState().failure?.kind === 'sync')
        presenterStore.setState({ failure: null });
      follower.sync(m);
    } else if (m.type === 'bye') {
      setPlaying(false);
      presenterStore.setState({ link: 'gone', blank: false });
    } else if (m.type === 'state') {
      // One sender's messages arrive in order (BroadcastChannel), so the latest state wins.
      const { v: _v, type: _type, seq: _seq, ...snapshot } = m;
      presenterStore.setState({ link: 'following' });
      follower.state(snapshot);
    } else if (m.type === 'class') classOnProjector.setState({ room: m.room });
  };

  addEventListener('pagehide', () => {
    clearInterval(asking);
    channel.close();
  });
}
