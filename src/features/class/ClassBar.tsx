import './class.css';
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { formatRoomCode, normalizeRoomCode } from '../../contract';
import { useClassT } from './use-class-t';
import { classStore } from './class-store';
import { choiceLetter } from './tally-csv';
import { TallyBars } from './TallyBars';

const NICK_KEY = 'mklab.class.nick';

/** `?class` with no code: the code from the projector, and an optional nickname. */
function JoinForm() {
  const t = useClassT();
  const [bad, setBad] = useState(false);
  const join = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const code = normalizeRoomCode(String(data.get('code') ?? ''));
    if (!code) return setBad(true);
    const nick = String(data.get('nick') ?? '').trim();
    try {
      if (nick) sessionStorage.setItem(NICK_KEY, nick);
    } catch {
      // Storage blocked: the answer goes without a nickname.
    }
    const url = new URL(location.href);
    url.searchParams.set('class', code);
    location.assign(url.href);
  };
  return (
    <form className="cl-join" onSubmit={join} data-testid="class-join">
      <h2>{t('class.join.title')}</h2>
      <label>
        {t('class.join.code')}
        <input name="code" autoComplete="off" autoCapitalize="characters" required />
      </label>
      <label>
        {t('class.join.nick')}
        <input name="nick" maxLength={24} autoComplete="nickname" />
      </label>
      <button type="submit" className="primary">
        {t('class.join.go')}
      </button>
      {bad ? (
        <p className="notice" role="alert">
          {t('class.join.bad')}
        </p>
      ) : null}
    </form>
  );
}

/**
 * A student's class bar (loaded only with `?class`; the link itself is started by
 * ./wire-class.ts): whether the lab follows the teacher,
 * Break away / Rejoin, what became of their prediction, and the room's tally after the reveal.
 * When the server cannot be reached it says so (and keeps trying).
 */
export default function ClassBar(props: { readonly code: string | null }) {
  const t = useClassT();
  const s = useStore(classStore);
  if (!props.code) return <JoinForm />;

  const status =
    s.link === 'unreachable'
      ? t('class.unreachable', { where: s.why ?? location.host })
      : s.link === 'refused'
        ? t(
            s.why === 'no-room'
              ? 'class.refused.no-room'
              : s.why === 'ended'
                ? 'class.refused.ended'
                : 'class.refused.token',
          )
        : s.link !== 'connected'
          ? t('class.student.connecting')
          : s.following
            ? t('class.student.following', { code: formatRoomCode(props.code) })
            : t('class.student.away');
  const q = s.question;
  return (
    <section className="cl-student" aria-label={t('class.student.label')} data-testid="class-bar">
      <p
        className={s.link === 'unreachable' || s.link === 'refused' ? 'notice' : undefined}
        role="status"
        data-testid="class-status"
        data-link={s.link}
        data-following={s.following}
      >
        {status}
      </p>
      <button
        type="button"
        data-testid="class-follow"
        onClick={() => classStore.setState({ following: !s.following })}
      >
        {s.following ? t('class.student.break') : t('class.student.rejoin')}
      </button>
      {q && s.mine?.question === q.id && !q.revealed ? (
        <p role="status" data-testid="class-mine">
          {t('class.student.sent', { letter: choiceLetter(s.mine.choice) })}
        </p>
      ) : q && !q.revealed && s.following ? (
        <p>{t('class.student.ask')}</p>
      ) : null}
      {s.refused ? (
        <p className="notice" role="alert" data-testid="class-refused">
          {t(`class.student.refused.${s.refused}`)}
        </p>
      ) : null}
      {q?.revealed ? <TallyBars question={q} tally={s.tally} /> : null}
    </section>
  );
}
