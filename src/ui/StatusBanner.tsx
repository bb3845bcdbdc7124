import { useStore } from 'zustand';
import { playbackStore } from '../store/playback-store';
import { statusStore } from '../store/status-store';
import { controls } from '../store/controls';
import { useLang, useT } from './hooks';
import { failureText, progressText, replayPercent, stoppedText } from './status-text';
import './status-banner.css';

/**
 * Says what the simulator is doing; announced politely when it changes. While a boot replays a
 * long run it shows how far it has got and offers Cancel; a boot that failed says why (a first
 * start is not a "restart") and offers Retry.
 */
export function StatusBanner() {
  const t = useT();
  const lang = useLang();
  const s = useStore(statusStore);
  const playing = useStore(playbackStore, (p) => p.playing);
  const booting = s.phase === 'starting' || s.phase === 'restarting';
  let text: string;
  if (booting && s.replay) text = progressText(t, lang, s.replay, s.phase === 'restarting');
  else if (s.phase === 'starting') text = t('status.starting');
  else if (s.phase === 'restarting') text = t('status.restarting');
  else if (s.phase === 'failed') text = s.failure ? failureText(t, s.failure) : (s.error ?? '');
  else if (s.stopped) text = stoppedText(t, lang, s.stopped);
  else if (s.lastRestart) {
    text = t('status.restarted', {
      reason: t(
        s.lastRestart.reason === 'timeout' ? 'status.reason.timeout' : 'status.reason.error',
      ),
      count: s.lastRestart.replayed,
    });
  } else text = t(playing ? 'status.running' : 'status.paused');
  return (
    <div className="status-line">
      <p
        className="status"
        role="status"
        data-testid="worker-status"
        data-phase={s.phase}
        data-playing={String(playing)}
        data-restarts={s.restarts}
        data-stopped={s.stopped?.reason}
      >
        {text}
      </p>
      {booting && s.replay ? (
        <>
          <progress
            max={100}
            value={replayPercent(s.replay)}
            aria-label={t('status.replay.label')}
            data-testid="replay-progress"
          />
          <button
            type="button"
            onClick={() => void controls.cancelReplay()}
            data-testid="replay-cancel"
          >
            {t('status.replay.cancel')}
          </button>
        </>
      ) : null}
      {s.phase === 'failed' ? (
        <button type="button" onClick={() => void controls.retry()} data-testid="worker-retry">
          {t('status.retry')}
        </button>
      ) : null}
    </div>
  );
}
