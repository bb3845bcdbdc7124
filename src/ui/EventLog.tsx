import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { formatNs } from './format';
import { describeHappening } from './happenings';
import { useLang, useT } from './hooks';
import { useKernelNames } from './use-kernel-names';
import './event-log.css';

const SHOWN = 12;

/** State changes and faults, newest first; a polite live region, never one line per IPI. */
export function EventLog() {
  const t = useT();
  const lang = useLang();
  const happenings = useStore(simStore, (s) => s.happenings);
  const names = useKernelNames();
  const shown = happenings.slice(-SHOWN).reverse();
  return (
    <section aria-labelledby="log-h">
      <h2 id="log-h">{t('log.heading')}</h2>
      <ul className="log" aria-live="polite" aria-relevant="additions" data-testid="event-log">
        {shown.length === 0 ? <li>{t('log.empty')}</li> : null}
        {shown.map((h) => (
          <li key={h.seq}>
            <span className="when">{formatNs(lang, h.t)}</span> {describeHappening(t, h, names)}
          </li>
        ))}
      </ul>
    </section>
  );
}
