import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { useT } from './hooks';
import type { MessageKey } from '../i18n';

export function CpuList() {
  const t = useT();
  const view = useStore(simStore, (s) => s.view);
  if (!view) return null;
  const name = (owner: number) =>
    owner < 0 /* the pool */
      ? t('cpus.pool')
      : (view.instances.find((i) => i.id === owner)?.name ?? String(owner));
  return (
    <section aria-labelledby="cpus-h">
      <h2 id="cpus-h">{t('cpus.heading')}</h2>
      <ul className="cpus" data-testid="cpus">
        {view.cpus.map((c) => (
          <li key={c.id} data-owner={c.owner} data-state={c.state}>
            {t('cpus.item', {
              id: c.id,
              owner: name(c.owner),
              state: t(`cpustate.${c.state}` as MessageKey),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
