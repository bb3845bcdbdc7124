import { formatNs } from './format';
import { useLang, useT } from './hooks';
import { PLAYING_MS, useSimWhileSeen } from './use-sim-while-seen';

/**
 * The machine's clock: the one part of a playback bar (the page's, the embed's) that changes with
 * every frame. A part of its own, so the bar around it is not drawn again every frame. Playing, it
 * follows the machine as its drawing does (at most a frame per PLAYING_MS): it says the time of
 * the machine on screen, and its redraw joins the drawing's instead of being a React commit of its
 * own at every frame (issue 14: on a CPU slowed 4×, about a tenth of React's work while playing).
 */
export function SimTime(p: { readonly testId: string; readonly className?: string }) {
  const t = useT();
  const lang = useLang();
  const { t: now } = useSimWhileSeen(true, PLAYING_MS);
  return (
    <span className={p.className ? `time ${p.className}` : 'time'}>
      {t('time.label')}:{' '}
      <output data-testid={p.testId} data-ns={now}>
        {formatNs(lang, now)}
      </output>
    </span>
  );
}
