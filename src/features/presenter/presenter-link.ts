import type { SimBridge } from '../../bridge/sim-bridge';
import { lessonStore } from '../../store/lesson-store';
import { playbackStore } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { ignoreMessage, presenterStore } from './presenter-store';
import { simStore } from '../../store/sim-store';
import { statusStore } from '../../store/status-store';
import { PRESENTER_PROTOCOL, type PlaybackSnapshot, type PresenterMessage } from '../../contract';
import { channelName, logKey, parsePresenterMessage } from './protocol';
import { keepReveals } from './keep-reveals';
import { projectedNow, revealedNow, chartsShownNow } from './reveal-now';

/** While playing, simulated time alone is sent at most this often (the audience's clock runs too). */
const TIME_EVERY_MS = 250;

type Tap = (m: PresenterMessage) => void;
const taps = new Set<Tap>();
/** The running link: to send its sync and state again, and to post beside them. */
let running: { readonly resend: () => void; readonly post: (m: PresenterMessage) => void } | null =
  null;

/**
 * The live class (src/features/class) hears every sync and state the audience window does,
 * and gets the current ones at once. Returns the function that stops it hearing.
 */
export function tapPresenter(tap: Tap): () => void {
  taps.add(tap);
  running?.resend();
  return () => taps.delete(tap);
}

/** A message for the audience window besides the link's own (the class's room and tally). */
export function postToAudience(m: PresenterMessage): void {
  running?.post(m);
}

function newSession(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The presenter's end of the channel: tells the audience which machine to replay (start spec +
 * log, whenever the log changes) and where playback stands (every change at once; the clock
 * alone a few times a second while playing). Returns a function that ends the session.
 */
export function startPresenterLink(bridge: SimBridge): () => void {
  const session = presenterStore.getState().session ?? newSession();
  presenterStore.setState({ session });
  const channel = new BroadcastChannel(channelName(session));
  const post = (m: PresenterMessage) => {
    channel.postMessage(m);
    if (m.type === 'sync' || m.type === 'state') for (const tap of taps) tap(m);
  };

  let seq = 0;
  let key = logKey(bridge.inputLog);
  let keyOf: { start: unknown; length: number; fork: unknown } | null = null;
  let sentSync = '';
  let sentShape = '';
  let sentT = -1;
  let sentAt = 0;

  const ready = () => statusStore.getState().phase === 'running' && simStore.getState().view;

  /** The log's key, recomputed only when the log may have changed (it is mirrored in place). */
  const currentKey = (): string => {
    const s = simStore.getState();
    const start = bridge.startSpec;
    if (!keyOf || keyOf.start !== start || keyOf.length !== s.logLength || keyOf.fork !== s.fork) {
      key = logKey(bridge.inputLog);
      keyOf = { start, length: s.logLength, fork: s.fork };
    }
    return key;
  };

  const snapshot = (): PlaybackSnapshot => {
    const s = simStore.getState();
    const status = lessonStore.getState().status;
    const pb = playbackStore.getState();
    const prefs = prefsStore.getState();
    const { page } = projectedNow();
    const ls = lessonStore.getState();
    return {
      lesson: status ? { slug: status.slug, step: status.step, steps: status.steps } : null,
      t: s.t,
      playing: pb.playing,
      speedIndex: pb.speedIndex,
      logLength: s.logLength,
      logKey: currentKey(),
      twin: s.twin !== null,
      lang: prefs.lang,
      theme: prefs.theme,
      blank: presenterStore.getState().blank,
      page,
      revealed: revealedNow(),
      chartsShown: chartsShownNow(),
      card: status !== null && page === 'step' && ls.cards[status.step] === true,
    };
  };

  const sync = (force: boolean) => {
    const k = currentKey();
    const start = bridge.startSpec;
    const id = `${k}|${JSON.stringify(start)}`;
    if (!force && id === sentSync) return;
    sentSync = id;
    post({ v: PRESENTER_PROTOCOL, type: 'sync', start, log: [...bridge.inputLog], logKey: k });
  };

  const state = (force: boolean) => {
    const snap = snapshot();
    const { t, ...rest } = snap;
    const shape = JSON.stringify(rest);
    const now = performance.now();
    const due =
      force ||
      shape !== sentShape ||
      (t !== sentT && (!snap.playing || now - sentAt >= TIME_EVERY_MS));
    if (!due) return;
    sentShape = shape;
    sentT = t;
    sentAt = now;
    post({ v: PRESENTER_PROTOCOL, type: 'state', seq: seq++, ...snap });
  };

  const update = () => {
    if (!ready()) return;
    sync(false);
    state(false);
  };

  channel.onmessage = (e: MessageEvent) => {
    const m = parsePresenterMessage(e.data);
    if (!m) ignoreMessage();
    if (m?.type !== 'hello') return;
    // An audience window is open: this window is the teacher's own (notes, blank with notes).
    presenterStore.setState({ audience: true });
    if (!ready()) return;
    sync(true);
    state(true);
  };

  const unsubscribe = [simStore, playbackStore, lessonStore, prefsStore, presenterStore].map(
    (store) => (store as { subscribe: (cb: () => void) => () => void }).subscribe(update),
  );
  unsubscribe.push(keepReveals());
  const bye = () => post({ v: PRESENTER_PROTOCOL, type: 'bye' });
  addEventListener('pagehide', bye);
  running = {
    post,
    resend: () => {
      if (!ready()) return;
      sync(true);
      state(true);
    },
  };
  update();

  return () => {
    running = null;
    for (const u of unsubscribe) u();
    removeEventListener('pagehide', bye);
    bye();
    channel.close();
  };
}
