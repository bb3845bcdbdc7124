import './class.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useClassT } from './use-class-t';
import { classStore } from './class-store';
import { readClassRoute } from './class-route';
import { RoomQr } from './RoomQr';
import { TallyBars } from './TallyBars';
import { tallyCsv } from './tally-csv';
import type { TeacherRoom } from './teacher-room';

/** The teacher's link (`#class=<code>.<token>`) starts its room once per page, not per mount. */
let routeTaken = false;

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'class-tally.csv' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The teacher's live class, in presenter mode: start one (or take the room `npm run class`
 * printed), then the room code and QR to project, who is here, the tally of the step's
 * prediction, Reveal, the CSV and End. The session code loads on Start.
 */
export function ClassPanel() {
  const t = useClassT();
  const s = useStore(classStore);
  const room = useRef<TeacherRoom | null>(null);
  const [starting, setStarting] = useState(false);

  const begin = async (given: { code: string; token: string } | null) => {
    const m = await import('./teacher-room');
    room.current = await m.startTeacherRoom(given);
  };
  const start = async () => {
    setStarting(true);
    await begin(null);
    setStarting(false);
  };
  useEffect(() => {
    const route = readClassRoute(location.search, location.hash);
    if (route.mode === 'teacher' && !routeTaken) {
      routeTaken = true;
      void begin(route);
    }
    return () => void room.current?.end();
  }, []);

  const running = s.role === 'teacher' && s.code && s.url;
  return (
    <section className="cl-panel" aria-label={t('class.panel.label')} data-testid="class-panel">
      {running ? (
        <>
          <RoomQr code={s.code!} url={s.url!} />
          <div className="cl-live">
            {s.link === 'unreachable' ? (
              <p className="notice" role="alert" data-testid="class-unreachable">
                {t('class.unreachable', { where: s.why ?? '' })}
              </p>
            ) : null}
            <p data-testid="class-present">{t('class.present', { n: s.tally?.present ?? 0 })}</p>
            {s.question ? (
              <TallyBars question={s.question} tally={s.tally} />
            ) : (
              <p className="pr-muted">{t('class.noQuestion')}</p>
            )}
            <p className="cl-actions">
              <button
                type="button"
                className="primary"
                data-testid="class-reveal"
                disabled={!s.question || s.question.revealed}
                onClick={() => room.current?.reveal()}
              >
                {s.question?.revealed ? t('class.revealed') : t('class.reveal')}
              </button>
              <button
                type="button"
                data-testid="class-csv"
                disabled={Object.keys(s.history).length === 0}
                onClick={() => download(tallyCsv(s.history, s.roster))}
              >
                {t('class.csv')}
              </button>
              <button
                type="button"
                data-testid="class-end"
                onClick={() => {
                  void room.current?.end();
                  room.current = null;
                }}
              >
                {t('class.end')}
              </button>
            </p>
          </div>
        </>
      ) : (
        <p className="cl-actions">
          <button
            type="button"
            className="primary"
            data-testid="class-start"
            disabled={starting}
            onClick={() => void start()}
          >
            {starting ? t('class.starting') : t('class.start')}
          </button>
          <span className="pr-muted">{t('class.start.hint')}</span>
          {s.link === 'unreachable' ? (
            <span className="notice" role="alert" data-testid="class-unreachable">
              {t('class.unreachable', { where: s.why ?? '' })}
            </span>
          ) : null}
        </p>
      )}
    </section>
  );
}
