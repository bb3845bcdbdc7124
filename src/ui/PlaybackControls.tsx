import { useStore } from 'zustand';
import { changeSpeed, playbackStore, speedOf, togglePlaying } from '../store/playback-store';
import { simStore } from '../store/sim-store';
import { formatNs } from './format';
import { useLang, useT } from './hooks';

export function PlaybackControls() {
  const t = useT();
  const lang = useLang();
  const pb = useStore(playbackStore);
  const now = useStore(simStore, (s) => s.t);
  const speed = speedOf(pb);
  return (
    <section className="controls" aria-label={t('controls.label')}>
      <button
        type="button"
        className="primary"
        data-testid="play-toggle"
        aria-pressed={pb.playing}
        onClick={togglePlaying}
      >
        {pb.playing ? t('controls.pause') : t('controls.play')}
      </button>
      <button type="button" onClick={() => changeSpeed(-1)} aria-label={t('controls.slower')}>
        −
      </button>
      <span data-testid="speed">{t('controls.speed', { speed: formatNs(lang, speed) })}</span>
      <button type="button" onClick={() => changeSpeed(1)} aria-label={t('controls.faster')}>
        +
      </button>
      <span className="time">
        {t('time.label')}:{' '}
        <output data-testid="sim-time" data-ns={now}>
          {formatNs(lang, now)}
        </output>
      </span>
      {pb.playing && pb.lagging ? (
        <span className="lagging">
          {t('controls.lagging', { rate: formatNs(lang, pb.achieved) })}
        </span>
      ) : null}
    </section>
  );
}
