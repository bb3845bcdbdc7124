import { CONTENT } from '../../content';
import { lessonStore } from '../../store/lesson-store';
import { CLASS_PROTOCOL, type ClassQuestion } from '../../contract';
import { postToAudience, tapPresenter } from '../presenter/presenter-link';
import { isRevealed, presenterStore, questionId, reveal } from '../presenter/presenter-store';
import { classStore } from './class-store';
import { RoomClient } from './room-client';
import { apiUrl, joinUrl, socketUrl } from './server-url';

export interface TeacherRoom {
  /** Show the room the answer to the question asked now (and close it to answers). */
  reveal(): void;
  end(): Promise<void>;
}

/** A room made by the session server: its code, and the token that lets this window publish. */
async function makeRoom(): Promise<{ code: string; token: string } | null> {
  try {
    const res = await fetch(apiUrl('/class/rooms'), { method: 'POST' });
    if (!res.ok) return null;
    const body = (await res.json()) as { code?: unknown; token?: unknown };
    return typeof body.code === 'string' && typeof body.token === 'string'
      ? { code: body.code, token: body.token }
      : null;
  } catch {
    return null;
  }
}

/**
 * The teacher's end of a class (loaded only when a class starts): everything the audience
 * window is sent — the machine to replay and where playback stands — is published to the room
 * too; the lesson step's prediction is the question asked; the server's tally comes back, is
 * kept per question (for the CSV) and shown on the projector.
 */
export async function startTeacherRoom(
  given: { code: string; token: string } | null,
): Promise<TeacherRoom | null> {
  classStore.setState({ role: 'teacher', link: 'connecting', why: null });
  const made = given ?? (await makeRoom());
  if (!made) {
    classStore.setState({ role: 'off', link: 'unreachable', why: new URL(apiUrl('/')).host });
    return null;
  }
  const { code, token } = made;
  const url = joinUrl(code);
  classStore.setState({ code, url, history: {}, roster: [] });

  const project = () => {
    const { question, tally } = classStore.getState();
    postToAudience({ v: CLASS_PROTOCOL, type: 'class', room: { code, url, question, tally } });
  };

  const client = new RoomClient({
    url: socketUrl(),
    room: code,
    token: `p:${token}`,
    onStatus: (link, why) => classStore.setState({ link, why: why ?? null }),
    onReply: (r) => {
      if (r.type !== 'roster') return;
      const { question, nick, choice } = r;
      classStore.setState((s) => ({ roster: [...s.roster, { question, nick, choice }] }));
    },
    onChange: () => {
      const { tally } = client.read();
      const history = classStore.getState().history;
      classStore.setState({
        tally,
        history: tally ? { ...history, [tally.question]: tally } : history,
      });
      project();
    },
  });

  const questionNow = (): ClassQuestion | null => {
    const status = lessonStore.getState().status;
    const predict = status ? CONTENT[status.slug].steps[status.step]?.predict : undefined;
    if (!status || !predict) return null;
    const id = questionId(status.slug, status.step);
    // The presenter's one reveal (its key `a`, or this panel's button) closes the question.
    const shown = isRevealed(id);
    const answer = shown && predict.answer !== null ? predict.answer - 1 : null;
    return { id, choices: predict.choices, answer, revealed: shown };
  };
  let sent = '';
  const publishQuestion = () => {
    const question = questionNow();
    const text = JSON.stringify(question);
    if (text === sent) return;
    sent = text;
    client.publish({ question });
    const tally = classStore.getState().tally;
    classStore.setState({ question, tally: tally?.question === question?.id ? tally : null });
    project();
  };

  const untap = tapPresenter((m) => {
    if (m.type === 'sync') client.publish({ sync: m });
    else if (m.type === 'state') client.publish({ state: m });
    publishQuestion();
    // A newly opened audience window asks for everything: the room goes with it.
    if (m.type === 'sync') project();
  });
  const unsubscribe = [lessonStore, presenterStore].map((store) =>
    (store as { subscribe: (cb: () => void) => () => void }).subscribe(publishQuestion),
  );
  publishQuestion();

  return {
    reveal: () => {
      const q = questionNow();
      if (q) reveal(q.id);
    },
    end: async () => {
      untap();
      for (const u of unsubscribe) u();
      client.destroy();
      postToAudience({ v: CLASS_PROTOCOL, type: 'class', room: null });
      classStore.setState({ role: 'off', link: 'off', code: null, url: null, question: null });
      await fetch(apiUrl(`/class/rooms/${code}`), {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      }).catch(() => undefined);
    },
  };
}
