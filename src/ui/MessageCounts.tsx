import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { formatCount } from './format';
import { useLang, useT } from './hooks';
import type { MessageKey } from '../i18n';

const ROWS: readonly [MessageKey, string][] = [
  ['messages.sent', 'sent'],
  ['messages.delivered', 'delivered'],
  ['messages.inflight', 'in-flight'],
  ['messages.enospc', 'rejected-enospc'],
  ['messages.overwritten', 'overwritten'],
  ['messages.dropped', 'dropped'],
];

export function MessageCounts() {
  const t = useT();
  const lang = useLang();
  const msgs = useStore(simStore, (s) => s.view?.messages);
  if (!msgs) return null;
  const value = (k: string): number =>
    k === 'sent' ? msgs.sent : (msgs.fates[k as keyof typeof msgs.fates] ?? 0);
  return (
    <section aria-labelledby="msgs-h">
      <h2 id="msgs-h">{t('messages.heading')}</h2>
      <dl className="counts">
        {ROWS.map(([key, id]) => (
          <div key={id}>
            <dt>{t(key)}</dt>
            <dd data-testid={`msg-${id}`} data-value={value(id)}>
              {formatCount(lang, value(id))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
