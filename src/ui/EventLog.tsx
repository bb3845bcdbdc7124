import { useStore } from 'zustand';
import type { Happening, MachineView } from '../sim';
import { simStore } from '../store/sim-store';
import type { MessageKey } from '../i18n';
import { formatNs } from './format';
import { useLang, useT } from './hooks';

const SHOWN = 12;
const KNOWN = new Set([
  'instance.state',
  'instance.deleted',
  'panic',
  'lockup',
  'kill.timeout',
  'mailbox.claim',
]);

/** State changes and faults, newest first; a polite live region, never one line per IPI. */
export function EventLog() {
  const t = useT();
  const lang = useLang();
  const happenings = useStore(simStore, (s) => s.happenings);
  const view = useStore(simStore, (s) => s.view);
  const shown = happenings.slice(-SHOWN).reverse();
  return (
    <section aria-labelledby="log-h">
      <h2 id="log-h">{t('log.heading')}</h2>
      <ul className="log" aria-live="polite" aria-relevant="additions" data-testid="event-log">
        {shown.length === 0 ? <li>{t('log.empty')}</li> : null}
        {shown.map((h) => (
          <li key={h.seq}>
            <span className="when">{formatNs(lang, h.t)}</span> {describe(t, h, view)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function describe(t: ReturnType<typeof useT>, h: Happening, view: MachineView | null): string {
  const kernel =
    view?.instances.find((i) => i.id === h.kernel)?.name ?? String(h.detail.name ?? h.kernel);
  const state =
    typeof h.detail.state === 'string' ? t(`state.${h.detail.state}` as MessageKey) : '';
  if (!KNOWN.has(h.kind)) return t('happening.other', { kernel, kind: h.kind });
  return t(`happening.${h.kind}` as MessageKey, { ...h.detail, kernel, state });
}
