import { useStore } from 'zustand';
import { simStore } from '../store/sim-store';
import { formatNs } from './format';
import { useLang, useT } from './hooks';

/**
 * The machine's clock: the one part of a playback bar (the page's, the embed's) that changes with
 * every frame. A part of its own, so the bar around it is not drawn again every frame.
 */
export function SimTime(p: { readonly testId: string; readonly className?: string }) {
  const t = useT();
  const lang = useLang();
  const now = useStore(simStore, (s) => s.t);
  return (
    <span className={p.className ? `time ${p.className}` : 'time'}>
      {t('time.label')}:{' '}
      <output data-testid={p.testId} data-ns={now}>
        {formatNs(lang, now)}
      </output>
    </span>
  );
}
