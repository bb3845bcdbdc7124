import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { formatCount, formatNs } from './format';
import { useLang, useT } from './hooks';

export function WorkloadTable() {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  if (!view) return null;
  const kernel = (id: number) => view.instances.find((i) => i.id === id)?.name ?? '—';
  return (
    <section aria-labelledby="wl-h">
      <h2 id="wl-h">{t('workloads.heading')}</h2>
      <table data-testid="workloads">
        <caption>{t('workloads.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workloads.col.name')}</th>
            <th scope="col">{t('workloads.col.kernel')}</th>
            <th scope="col">{t('workloads.col.tput')}</th>
            <th scope="col">{t('workloads.col.p99')}</th>
            <th scope="col">{t('workloads.col.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {view.workloads.map((w) => (
            <tr key={w.id}>
              <th scope="row">{w.name}</th>
              <td>{kernel(w.kernel)}</td>
              <td>{formatCount(lang, w.last?.tput ?? 0)}</td>
              <td>{w.last && w.last.p99 > 0 ? formatNs(lang, w.last.p99) : '—'}</td>
              <td>{formatCount(lang, w.errors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
