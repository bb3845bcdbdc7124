import { useStore } from 'zustand';
import { lessonStore } from '../../store/lesson-store';
import { playbackStore, togglePlaying } from '../../store/playback-store';
import { useT } from '../../ui/hooks';
import { SimTime } from '../../ui/SimTime';
import { gotoStep } from './step-goto';

/** `controls=minimal`: play / pause, the previous and next step, and the simulated time. */
export function EmbedBar() {
  const t = useT();
  const playing = useStore(playbackStore, (s) => s.playing);
  const status = useStore(lessonStore, (s) => (s.status?.slug === s.slug ? s.status : null));
  return (
    <section className="em-bar" aria-label={t('controls.label')}>
      {status ? (
        <button
          type="button"
          data-testid="embed-back"
          disabled={status.step === 0}
          onClick={() => gotoStep(status.step - 1)}
        >
          <span aria-hidden="true">‹ </span>
          {t('embed.back')}
        </button>
      ) : null}
      <button
        type="button"
        className="primary"
        data-testid="embed-play"
        data-control="play"
        aria-pressed={playing}
        onClick={togglePlaying}
      >
        {playing ? t('controls.pause') : t('controls.play')}
      </button>
      {status ? (
        <button
          type="button"
          data-testid="embed-next"
          disabled={status.step + 1 >= status.steps}
          onClick={() => gotoStep(status.step + 1)}
        >
          {t('embed.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      ) : null}
      <SimTime testId="embed-time" className="em-time" />
    </section>
  );
}
