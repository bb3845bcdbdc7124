import type { SimBridge } from '../../bridge/sim-bridge';
import { lessonStore } from '../../store/lesson-store';
import { setPlaying } from '../../store/playback-store';
import { CLASS_PROTOCOL, normalizeRoomCode, STUDENT_ID_LENGTH } from '../../contract';
import { parsePresenterMessage } from '../presenter/protocol';
import { createFollower } from '../presenter/follower';
import { classStore } from './class-store';
import { RoomClient } from './room-client';
import { socketUrl } from './server-url';

const ID_KEY = 'mklab.class.student';
const NICK_KEY = 'mklab.class.nick';

/** This tab's student id: kept across a reload, so a reload is not a second vote. */
function studentId(): string {
  const fresh = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(STUDENT_ID_LENGTH));
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    return Array.from(bytes, (b) => abc[b & 63]).join('');
  };
  try {
    const kept = sessionStorage.getItem(ID_KEY);
    if (kept?.length === STUDENT_ID_LENGTH) return kept;
    const id = fresh();
    sessionStorage.setItem(ID_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}

function nickname(): string | undefined {
  try {
    return sessionStorage.getItem(NICK_KEY) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A student's end of a class: the room's shared map, read through the presenter messages'
 * own validator, drives the same follower as the audience window; the student's prediction in
 * the lesson player goes to the room as their answer. "Break away" stops following (the lab
 * is theirs), "Rejoin" replays the teacher's machine again.
 */
export function startStudentLink(bridge: SimBridge, typed: string): { leave: () => void } {
  // A code that cannot be one is refused here, as the server would (no room has it).
  const code = normalizeRoomCode(typed) ?? typed;
  classStore.setState({ role: 'student', code, link: 'connecting', following: true });
  setPlaying(false);
  const follower = createFollower(bridge, () => undefined);

  const apply = () => {
    const room = client.read();
    const s = classStore.getState();
    const changed = room.question?.id !== s.question?.id;
    classStore.setState({
      question: room.question,
      tally: room.tally,
      ...(changed ? { mine: null, refused: null } : {}),
    });
    if (!classStore.getState().following) return;
    const sync = parsePresenterMessage(room.sync);
    if (sync?.type === 'sync') follower.sync(sync);
    const state = parsePresenterMessage(room.state);
    if (state?.type === 'state') {
      const { v: _v, type: _type, seq: _seq, ...snapshot } = state;
      follower.state(snapshot);
    }
    sendPrediction();
  };

  const client = new RoomClient({
    url: socketUrl(),
    room: code,
    token: `s:${studentId()}`,
    onChange: apply,
    onStatus: (link, why) => classStore.setState({ link, why: why ?? null }),
    onReply: (r) => {
      if (r.type === 'answered') classStore.setState({ mine: r, refused: null });
      else if (r.type === 'refused') classStore.setState({ refused: r.why });
    },
  });

  /** The lesson player's prediction for the step asked, sent once per question. */
  let sentFor: string | null = null;
  const sendPrediction = () => {
    const { question, mine } = classStore.getState();
    const ls = lessonStore.getState();
    if (!question || question.revealed || mine || sentFor === question.id || !ls.status) return;
    if (question.id !== `${ls.status.slug}:${ls.status.step}`) return;
    const chosen = ls.predictions[ls.status.step];
    if (chosen === undefined) return;
    sentFor = question.id;
    const nick = nickname();
    client.answer({
      v: CLASS_PROTOCOL,
      type: 'answer',
      question: question.id,
      choice: chosen - 1,
      ...(nick ? { nick } : {}),
    });
  };
  /** The teacher's lesson opens in the student's own lesson panel (its prediction is answered there). */
  const openLesson = () => {
    const ls = lessonStore.getState();
    if (ls.status && ls.slug !== ls.status.slug)
      lessonStore.setState({ slug: ls.status.slug, page: 'step' });
  };
  const unsubscribe = [
    lessonStore.subscribe(openLesson),
    lessonStore.subscribe(sendPrediction),
    classStore.subscribe((s, prev) => {
      if (s.following === prev.following) return;
      if (s.following) {
        follower.resume();
        apply();
      } else follower.pause();
    }),
  ];

  return {
    leave: () => {
      for (const u of unsubscribe) u();
      client.destroy();
      classStore.setState({ role: 'off', link: 'off' });
    },
  };
}
