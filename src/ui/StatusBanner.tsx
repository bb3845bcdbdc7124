import { useStore } from 'zustand';
import { statusStore } from '../store/status-store';
import { useT } from './hooks';
import './status-banner.css';

/** Says what the simulator is doing; announced politely when it changes. */
export function StatusBanner() {
  const t = useT();
  const s = useStore(statusStore);
  let text: string;
  if (s.phase === 'starting') text = t('status.starting');
  else if (s.phase === 'restarting') text = t('status.restarting');
  else if (s.phase === 'failed') text = t('status.failed', { error: s.error ?? '' });
  else if (s.lastRestart) {
    text = t('status.restarted', {
      reason: t(
        s.lastRestart.reason === 'timeout' ? 'status.reason.timeout' : 'status.reason.error',
      ),
      count: s.lastRestart.replayed,
    });
  } else text = t('status.running');
  return (
    <p
      className="status"
      role="status"
      data-testid="worker-status"
      data-phase={s.phase}
      data-restarts={s.restarts}
    >
      {text}
    </p>
  );
}
