import { useCallback, useId, useState } from 'react';
import { useStore } from 'zustand';
import { prefsStore } from '../../store/prefs-store';
import { selectionStore } from '../../store/selection-store';
import { TRAFFIC_CAP } from '../../store/sim-store';
import { pairTraffic, type Traffic } from '../../viz/timeline-arrows';
import { AGGREGATE_OVER } from '../../viz/timeline-bundles';
import { cpuEvents, laneSegments } from '../../viz/timeline-lanes';
import { happeningMarks } from '../../viz/timeline-marks';
import {
  DEFAULT_WINDOW_NS,
  laneSpan,
  MAX_WINDOW_NS,
  MIN_WINDOW_NS,
  panEnd,
  timeWindow,
  zoomWindow,
} from '../../viz/timeline-window';
import { formatCount, formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { Diagram } from './Diagram';
import { Legend } from './Legend';
import { MarksList } from './MarksList';
import { Scrubber } from './Scrubber';
import { useWidth } from '../use-width';
import { useOnScreen, useSimWhileSeen } from '../use-sim-while-seen';
import './timeline.css';
import { hlAttrs, useHighlighted } from '../lessons/highlights';

/**
 * What the diagram draws of the traffic while it is out of view: nothing. On a big machine that is
 * thousands of arrows and marks, laid out again at every update for nobody; the caption still
 * counts them, and they are back before the diagram scrolls in (useOnScreen's margin).
 */
const NO_TRAFFIC: Traffic = { arrows: [], fates: [], ipis: [] };

/** The diagram's box's left and right borders (px, timeline.css `.tl-box`). */
const BOX_BORDERS = 2;

/**
 * The space-time diagram (DESIGN §5): one lane per CPU grouped by kernel, IPI arrows, boot, halt
 * and crash marks, over a window of simulated time that follows now (or stays where the user put
 * it); a scrubber over the whole run; a list of the same marks for screen readers and keyboards.
 */
export function Timeline() {
  const t = useT();
  const lang = useLang();
  const captionId = useId();
  const highlighted = useHighlighted();
  // Out of view (a big machine puts it thousands of pixels down), it follows the machine twice a
  // second instead of every frame.
  const [seenRef, seen] = useOnScreen();
  const sim = useSimWhileSeen(seen);
  const { view, t: now, traffic, cpuMarks, happenings, trafficOmitted: omitted } = sim;
  const selected = useStore(selectionStore, (s) => s.selected);
  const reduced = useStore(prefsStore, (s) => s.reducedMotion);
  // Measured on the panel, not on the diagram's box: off screen the browser skips laying out
  // what the panel holds (content-visibility), and the diagram is still there for the keyboard.
  const [panelRef, panelWidth] = useWidth();
  const width = Math.max(0, panelWidth - BOX_BORDERS);
  const rootRef = useCallback(
    (el: HTMLDivElement | null) => {
      const unseen = seenRef(el);
      const unmeasured = panelRef(el);
      return () => {
        unseen?.();
        unmeasured?.();
      };
    },
    [seenRef, panelRef],
  );

  const [windowNs, setWindowNs] = useState(DEFAULT_WINDOW_NS);
  const [follow, setFollow] = useState(true);
  const [end, setEnd] = useState(0);
  const win = timeWindow({ t: now, windowNs, follow, end, paged: reduced });

  const span = laneSpan(win);
  const segments = view ? laneSegments(cpuMarks, span, view.cpus) : new Map<number, never[]>();
  const paired = pairTraffic(traffic, win);
  const marks = happeningMarks(happenings, win);
  const events = cpuEvents(cpuMarks, win);
  const first = traffic[0];
  const keptFrom = traffic.length >= TRAFFIC_CAP && first ? first.t : null;

  const pan = (pages: number) => {
    const next = panEnd(win.end, windowNs, pages, now);
    if (pages > 0 && next >= now) {
      setFollow(true);
    } else {
      setFollow(false);
      setEnd(next);
    }
  };

  const counts = {
    cpus: view?.cpus.length ?? 0,
    arrows: paired.arrows.length,
    fates: paired.fates.length,
    ipis: paired.ipis.length,
    marks: marks.length + events.length,
  };

  return (
    <div
      ref={rootRef}
      className="tl"
      data-control="timeline"
      data-follow={follow}
      data-window={windowNs}
      {...hlAttrs('timeline', highlighted)}
    >
      <h2 className="tl-title">{t('timeline.label')}</h2>
      <Scrubber sim={sim} />
      <div
        className="tl-toolbar"
        role="group"
        aria-label={t('timeline.window', { span: formatNs(lang, windowNs) })}
      >
        <div className="tl-zoom">
          <button
            type="button"
            className="tl-icon"
            onClick={() => setWindowNs(zoomWindow(windowNs, 1))}
            disabled={windowNs >= MAX_WINDOW_NS}
            aria-label={t('timeline.zoomOut')}
            title={t('timeline.zoomOut')}
            data-testid="timeline-zoom-out"
          >
            −
          </button>
          <span className="tl-window" data-testid="timeline-window">
            {t('timeline.window', { span: formatNs(lang, windowNs) })}
          </span>
          <button
            type="button"
            className="tl-icon"
            onClick={() => setWindowNs(zoomWindow(windowNs, -1))}
            disabled={windowNs <= MIN_WINDOW_NS}
            aria-label={t('timeline.zoomIn')}
            title={t('timeline.zoomIn')}
            data-testid="timeline-zoom-in"
          >
            +
          </button>
        </div>
        <div className="tl-pan">
          <button type="button" onClick={() => pan(-1)} data-testid="timeline-earlier">
            <span aria-hidden="true">◀ </span>
            {t('timeline.earlier')}
          </button>
          <button
            type="button"
            aria-pressed={follow}
            data-testid="timeline-follow"
            onClick={() => {
              if (follow) setEnd(win.end);
              setFollow(!follow);
            }}
          >
            {t('timeline.follow')}
          </button>
          <button
            type="button"
            onClick={() => pan(1)}
            disabled={follow}
            data-testid="timeline-later"
          >
            {t('timeline.later')}
            <span aria-hidden="true"> ▶</span>
          </button>
        </div>
      </div>
      <p className="tl-summary" aria-hidden="true">
        {t('timeline.summary', {
          cpus: formatCount(lang, counts.cpus),
          arrows: formatCount(lang, counts.arrows),
          fates: formatCount(lang, counts.fates),
          ipis: formatCount(lang, counts.ipis),
          marks: formatCount(lang, counts.marks),
        })}
      </p>
      <p id={captionId} className="sr-only">
        {t('timeline.caption', {
          from: formatNs(lang, Math.max(0, win.start)),
          to: formatNs(lang, win.end),
          cpus: formatCount(lang, counts.cpus),
          arrows: formatCount(lang, counts.arrows),
          fates: formatCount(lang, counts.fates),
          ipis: formatCount(lang, counts.ipis),
          marks: formatCount(lang, counts.marks),
        })}
      </p>
      <div className="tl-box">
        {view && width > 0 ? (
          <Diagram
            view={view}
            win={win}
            span={span}
            now={now}
            width={width}
            segments={segments}
            traffic={seen ? paired : NO_TRAFFIC}
            marks={marks}
            cpuEvents={seen ? events : []}
            keptFrom={keptFrom}
            selected={selected}
            captionId={captionId}
          />
        ) : (
          <p className="tl-waiting">{t('timeline.waiting')}</p>
        )}
      </div>
      {paired.arrows.length > AGGREGATE_OVER ? (
        <p className="tl-note">
          {t('timeline.bundled', { total: formatCount(lang, paired.arrows.length) })}
        </p>
      ) : null}
      {keptFrom !== null && keptFrom > win.start ? (
        <p className="tl-note" data-testid="timeline-not-kept">
          {t('timeline.notKeptNote', {
            time: formatNs(lang, keptFrom - now),
            count: formatCount(lang, TRAFFIC_CAP),
          })}
        </p>
      ) : null}
      {omitted > 0 ? (
        <p className="tl-note" data-testid="timeline-omitted">
          {t('timeline.omitted', { count: formatCount(lang, omitted) })}
        </p>
      ) : null}
      <Legend />
      {view ? (
        <MarksList
          view={view}
          traffic={paired}
          marks={marks}
          cpuEvents={events}
          selected={selected}
          now={now}
        />
      ) : null}
    </div>
  );
}
