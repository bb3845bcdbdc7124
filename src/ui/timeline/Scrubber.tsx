import { useId, useState } from 'react';
import { controls } from '../../store/controls';
import type { SimState } from '../../store/sim-store';
import { scrubPosition, scrubTime, SCRUB_STEPS } from '../../viz/timeline-window';
import { formatNs } from '../format';
import { useLang, useT } from '../hooks';
import './scrubber.css';

/**
 * The run from its start to the latest time reached. Dragging moves the thumb only; the seek
 * happens when the pointer lets go, or a key is released (arrows, Page Up/Down, Home/End), so a
 * drag asks the worker for one rewind, not one per pixel. Playing on after a rewind re-applies the
 * logged inputs at their times.
 */
export function Scrubber({ sim }: { readonly sim: SimState }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  // The timeline's state (useSimWhileSeen): out of view, the bar follows twice a second. (An
  // input's every re-render re-sets its type and name: style work for the page each frame.)
  const { t: now, startT, maxT, fork, seeking } = sim;
  // The thumb's position while the user holds it; after letting go it shows the target until the
  // machine's time moves.
  const [draft, setDraft] = useState<{ pos: number; committedAt: number | null } | null>(null);

  const live = scrubPosition(now, startT, maxT);
  const showDraft = draft && (draft.committedAt === null || draft.committedAt === now);
  const pos = showDraft ? draft.pos : live;
  const shownT = showDraft ? scrubTime(draft.pos, startT, maxT) : now;

  const commit = () => {
    if (!draft || draft.committedAt !== null) return;
    setDraft({ ...draft, committedAt: now });
    void controls.seek(scrubTime(draft.pos, startT, maxT)).catch(() => undefined);
  };
  const forkPos = fork ? scrubPosition(fork.atNs, startT, maxT) / SCRUB_STEPS : null;
  const behind = maxT - now > 0 && !showDraft;

  return (
    <div className="tl-scrub">
      <label htmlFor={id} className="tl-scrub-label">
        {t('timeline.scrubber')}
      </label>
      <div className="tl-scrub-track">
        <input
          id={id}
          type="range"
          min={0}
          max={SCRUB_STEPS}
          step={1}
          value={pos}
          disabled={maxT <= startT}
          data-testid="scrubber"
          data-ns={Math.round(shownT)}
          aria-valuetext={t('timeline.scrubberValue', {
            time: formatNs(lang, shownT),
            max: formatNs(lang, maxT),
          })}
          onChange={(e) => setDraft({ pos: Number(e.currentTarget.value), committedAt: null })}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
        {forkPos !== null && fork ? (
          <span
            className="tl-scrub-fork"
            style={{ left: `${(forkPos * 100).toFixed(2)}%` }}
            title={t('timeline.forkMark', { time: formatNs(lang, fork.atNs) })}
            data-testid="scrubber-fork"
          />
        ) : null}
      </div>
      <span className="tl-scrub-ends">
        <output htmlFor={id} className="tl-scrub-now">
          {formatNs(lang, shownT)}
        </output>
        {' / '}
        <span>{formatNs(lang, maxT)}</span>
      </span>
      {seeking ? <span className="tl-scrub-seeking">{t('playback.seeking')}</span> : null}
      <button
        type="button"
        className="tl-scrub-latest"
        disabled={!behind}
        onClick={() => void controls.seek(maxT).catch(() => undefined)}
      >
        {t('timeline.latest')}
      </button>
    </div>
  );
}
