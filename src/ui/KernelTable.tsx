import type { InstanceView } from '../contract';
import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { formatCount, formatMiB } from './format';
import { useLang, useT } from './hooks';
import type { MessageKey } from '../i18n';

/** A stable empty list: a selector must not return a new array each call. */
const NONE: readonly InstanceView[] = [];

export function stateKey(i: InstanceView): MessageKey {
  if (i.panicked) return 'state.panicked';
  if (i.hung) return 'state.hung';
  return `state.${i.stateLabel}` as MessageKey;
}

export function KernelTable() {
  const t = useT();
  const lang = useLang();
  const instances = useStore(simStore, (s) => s.view?.instances ?? NONE);
  return (
    <section aria-labelledby="kernels-h">
      <h2 id="kernels-h">{t('kernels.heading')}</h2>
      <table data-testid="kernels">
        <caption>{t('kernels.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kernels.col.name')}</th>
            <th scope="col">{t('kernels.col.id')}</th>
            <th scope="col">{t('kernels.col.state')}</th>
            <th scope="col">{t('kernels.col.cpus')}</th>
            <th scope="col">{t('kernels.col.memory')}</th>
            <th scope="col">{t('kernels.col.sent')}</th>
            <th scope="col">{t('kernels.col.received')}</th>
            <th scope="col">{t('kernels.col.ring')}</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => (
            <tr key={i.id} data-testid={`kernel-${i.name}`} data-state={i.state}>
              <th scope="row">{i.name}</th>
              <td>{i.id}</td>
              <td>{t(stateKey(i))}</td>
              <td>{i.cpus.join(', ')}</td>
              <td>{formatMiB(lang, i.memMiB)}</td>
              <td data-testid={`sent-${i.name}`}>{formatCount(lang, i.msgsSent)}</td>
              <td>{formatCount(lang, i.msgsReceived)}</td>
              <td>{i.ring}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
