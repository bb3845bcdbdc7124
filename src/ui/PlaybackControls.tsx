import { useId } from 'react';
import { useStore } from 'zustand';
import { controls } from '../store/controls';
import {
  changeSpeed,
  playbackStore,
  SPEEDS,
  speedOf,
  togglePlaying,
} from '../store/playback-store';
import { simStore } from '../store/sim-store';
import { SimTime } from './SimTime';
import { formatNs } from './format';
import { useLang, useT } from './hooks';
import { previousEventTime } from './keys';
import './playback.css';

/** "Skip quiet time" runs on to the next happening, at most this far ahead. */
const SKIP_MAX_NS = 10_000_000_000;

type IconName = 'play' | 'pause' | 'prev' | 'next' | 'skip';
const ICONS: Record<IconName, string> = {
  play: 'M5 3.5v13l11-6.5z',
  pause: 'M5 3.5h3.5v13H5zM11.5 3.5H15v13h-3.5z',
  prev: 'M4 4h2.5v12H4zM16 4v12L7.5 10z',
  next: 'M13.5 4H16v12h-2.5zM4 4v12l8.5-6z',
  skip: 'M2.5 4v12l7-6zM10 4v12l7-6z',
};

function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg className="pb-icon" width={20} height={20} viewBox="0 0 20 20" aria-hidden="true">
      <path d={ICONS[name]} />
    </svg>
  );
}

const seekToPrevious = () => {
  const t = previousEventTime(simStore.getState().t);
  if (t !== null) void controls.seek(t).catch(() => undefined);
};

/**
 * The playback bar (DESIGN §4): play/pause, previous/next event, skip a quiet stretch, speed on one
 * log scale from 1 ns to 10 s of simulated time per wall second, simulated time, and the rate the
 * worker actually reaches when it cannot keep up. The global keys (space . , + -) do the same.
 */
export function PlaybackControls() {
  const t = useT();
  const lang = useLang();
  const speedId = useId();
  // Each field on its own: the achieved rate changes with every frame while playing, and a bar
  // that took the whole store redrew for it (and made React redo a first screen drawn in slices).
  const playing = useStore(playbackStore, (s) => s.playing);
  const speedIndex = useStore(playbackStore, (s) => s.speedIndex);
  const ready = useStore(simStore, (s) => s.view !== null);
  const pb = { playing, speedIndex };
  const speed = speedOf(pb);
  const speedText = formatNs(lang, speed);
  // While playing there is always something behind; paused, look it up (it scans the buffers).
  // A yes or no, not the clock: the bar (its slider among it) is not drawn again every frame.
  const canGoBack = useStore(
    simStore,
    (s) => s.view !== null && (playing || previousEventTime(s.t) !== null),
  );

  return (
    <section className="controls pb" aria-label={t('controls.label')}>
      <div className="pb-group">
        <button
          type="button"
          className="primary pb-play"
          data-testid="play-toggle"
          data-control="play"
          aria-pressed={pb.playing}
          onClick={togglePlaying}
        >
          <Icon name={pb.playing ? 'pause' : 'play'} />
          <span>{pb.playing ? t('controls.pause') : t('controls.play')}</span>
        </button>
        <button
          type="button"
          className="pb-btn"
          data-testid="prev-event"
          aria-label={t('playback.prev')}
          title={t('playback.prevHint')}
          disabled={!canGoBack}
          onClick={seekToPrevious}
        >
          <Icon name="prev" />
          <span className="pb-text" aria-hidden="true">
            {t('playback.prev')}
          </span>
        </button>
        <button
          type="button"
          className="pb-btn"
          data-testid="next-event"
          aria-label={t('playback.next')}
          title={t('playback.nextHint')}
          disabled={!ready}
          onClick={() => void controls.stepEvent().catch(() => undefined)}
        >
          <Icon name="next" />
          <span className="pb-text" aria-hidden="true">
            {t('playback.next')}
          </span>
        </button>
        <button
          type="button"
          className="pb-btn"
          data-testid="skip-event"
          aria-label={t('playback.skip')}
          title={t('playback.skipHint', { max: formatNs(lang, SKIP_MAX_NS) })}
          disabled={!ready}
          onClick={() => void controls.skipToHappening(SKIP_MAX_NS).catch(() => undefined)}
        >
          <Icon name="skip" />
          <span className="pb-text" aria-hidden="true">
            {t('playback.skip')}
          </span>
        </button>
      </div>
      <div className="pb-group pb-speed" data-control="speed">
        <label htmlFor={speedId} className="pb-label">
          {t('playback.speed')}
        </label>
        <button
          type="button"
          className="pb-step"
          onClick={() => changeSpeed(-1)}
          disabled={pb.speedIndex <= 0}
          aria-label={t('controls.slower')}
          title={t('controls.slower')}
        >
          −
        </button>
        <input
          id={speedId}
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={pb.speedIndex}
          aria-valuetext={t('playback.speedText', { speed: speedText })}
          onChange={(e) => changeSpeed(Number(e.currentTarget.value) - pb.speedIndex)}
        />
        <button
          type="button"
          className="pb-step"
          onClick={() => changeSpeed(1)}
          disabled={pb.speedIndex >= SPEEDS.length - 1}
          aria-label={t('controls.faster')}
          title={t('controls.faster')}
        >
          +
        </button>
        <span className="pb-speed-value" data-testid="speed" data-speed-index={pb.speedIndex}>
          {t('playback.speedValue', { speed: speedText })}
        </span>
      </div>
      <div className="pb-group pb-time">
        <SimTime testId="sim-time" />
        {playing ? <Reaching /> : null}
      </div>
    </section>
  );
}

/** While playing behind the asked speed: the rate the worker actually reaches. */
function Reaching() {
  const t = useT();
  const lang = useLang();
  const lagging = useStore(playbackStore, (s) => s.lagging);
  const achieved = useStore(playbackStore, (s) => s.achieved);
  if (!lagging) return null;
  return (
    <span
      className="pb-lagging"
      data-testid="achieved"
      data-ns={achieved}
      title={t('playback.reachingHint', { rate: formatNs(lang, achieved) })}
    >
      {t('playback.reaching', { rate: formatNs(lang, achieved) })}
    </span>
  );
}
