import { memo, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n';
import { playbackStore, speedOf } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { simStore } from '../../store/sim-store';
import {
  arrowsTime,
  ipiGeometry,
  ipiScene,
  shouldAggregate,
  timingFor,
  type Dot,
  type IpiGeometry,
  type IpiScene,
  type Marker,
} from '../../viz/machine-ipi';
import { textWidth } from '../../viz/machine-text';
import type { MachineLayout, Point } from '../../viz/machine-types';
import { ownerColour } from '../../viz/palette';
import { formatCount } from '../format';
import { useLang, useT } from '../hooks';
import { arrowId } from './Defs';

/**
 * The IPI traffic to draw at `now` (the clock of the frame the view shows) and the playback speed:
 * dots, or one arrow per pair of kernels with reduced motion or when too many fly (aggregation,
 * with hysteresis so it does not flicker at the limit). The scene is null for a view without
 * traffic; `geo` is null unless dots are drawn (DotCanvas draws them every frame, from the store).
 *
 * Playing, the scene (arrows, counts, markers, flashes, and how many dots there are) is sampled ten
 * times a second of wall time (`arrowsTime`); between samples the same scene object comes back, so
 * the layers below skip their render and the browser its repaint.
 * The scene is a function of the clock alone (the traffic up to a time does not change once the
 * page has it, and a rewind moves the clock), so the traffic is read, not watched.
 */
export function useIpiScene(
  layout: MachineLayout | null,
  enabled: boolean,
  now: number,
): { scene: IpiScene | null; geo: IpiGeometry | null; speed: number } {
  const speed = useStore(playbackStore, speedOf);
  const playing = useStore(playbackStore, (s) => s.playing);
  const aggregate = useStore(prefsStore, (s) => s.aggregate);
  const reducedMotion = useStore(prefsStore, (s) => s.reducedMotion);
  // Whether it is crowded, and the clock when that was decided: at most one change per frame.
  // (A change of mode samples another time, where the count of dots differs: deciding again in the
  // same render could go back and forth for ever.)
  const [mode, setMode] = useState({ crowded: false, decidedAt: -1 });
  const { crowded } = mode;
  const geo = useMemo(() => (layout ? ipiGeometry(layout) : null), [layout]);
  const asArrows = reducedMotion || (aggregate && crowded);
  // Sampled while playing (the dots themselves are drawn every frame by DotCanvas, from the store);
  // paused, every frame is the learner's step or seek, and its marks show at once.
  const at = playing ? arrowsTime(now, speed) : now;
  const scene = useMemo(
    () =>
      enabled && geo
        ? ipiScene(simStore.getState().traffic, geo, {
            now: at,
            timing: timingFor(speed),
            asArrows,
          })
        : null,
    [enabled, geo, at, speed, asArrows],
  );
  if (!scene) return { scene, geo: null, speed };
  const nowCrowded = shouldAggregate(scene.candidates, crowded);
  if (nowCrowded !== crowded && mode.decidedAt !== now)
    setMode({ crowded: nowCrowded, decidedAt: now });
  return { scene, geo: asArrows ? null : geo, speed };
}

/** The dot under a point (SVG units), if any: clicking a message selects it. */
export function dotAt(dots: readonly Dot[], p: Point, reach = 8): Dot | null {
  let best: Dot | null = null;
  let bestD = reach * reach;
  for (const d of dots) {
    const dd = (d.x - p.x) ** 2 + (d.y - p.y) ** 2;
    if (dd <= bestD) {
      best = d;
      bestD = dd;
    }
  }
  return best;
}

function markerText(t: (k: MessageKey) => string, m: Marker): string {
  if (m.kind === 'reject') return t('machine.ipi.enospc');
  if (m.kind === 'overwrite') return t('machine.ipi.overwritten');
  return ['target-halted', 'ring-reset', 'target-gone'].includes(m.reason)
    ? t(`machine.ipi.drop.${m.reason}` as MessageKey)
    : t('machine.ipi.drop.other');
}

/** A label on a pill centred on (x, y), kept inside the view: readable over anything. Memoised:
 * most counts are the same from one sample to the next. */
const Pill = memo(function Pill(p: {
  x: number;
  y: number;
  text: string;
  alarm: boolean;
  opacity: number;
  maxX: number;
}) {
  const w = textWidth(p.text, 12, true) + 12;
  const x = Math.max(w / 2, Math.min(p.maxX - w / 2, p.x));
  return (
    <g opacity={p.opacity}>
      <rect className="mk-pill" x={x - w / 2} y={p.y - 10} width={w} height={20} rx={10} />
      <text
        x={x}
        y={p.y}
        textAnchor="middle"
        dominantBaseline="central"
        className={p.alarm ? 'mk-alarm' : undefined}
      >
        {p.text}
      </text>
    </g>
  );
});

/**
 * Per-pair arrows (aggregated traffic), drawn over the group frames and under their text.
 * Memoised on the scene, which holds between samples (useIpiScene).
 */
export const IpiArrows = memo(function IpiArrows(p: {
  readonly scene: IpiScene;
  readonly prefix: string;
}) {
  if (p.scene.arrows.length === 0) return null;
  return (
    <g aria-hidden="true" className="mk-ipi">
      {p.scene.arrows.map((a) => (
        <path
          key={a.key}
          d={a.path}
          fill="none"
          stroke={ownerColour(a.from)}
          strokeOpacity={0.6}
          strokeWidth={a.width}
          strokeLinecap="round"
          markerEnd={`url(#${arrowId(p.prefix)})`}
        />
      ))}
    </g>
  );
});

/**
 * The top of the IPI layer: flood flashes, the arrows' counts, and markers with the reason a
 * message was refused or dropped. The dots go on a canvas above (DotCanvas): a few hundred moving
 * SVG circles would cost a repaint of the whole drawing every frame.
 */
export const IpiMarks = memo(function IpiMarks(p: {
  readonly scene: IpiScene;
  readonly width: number;
}) {
  const t = useT();
  const lang = useLang();
  const { scene } = p;
  const count = (n: number) => t('machine.ipi.count', { n: formatCount(lang, n) });
  return (
    <g
      className="mk-ipi"
      data-testid="ipi-layer"
      data-drawn={scene.dots.length}
      data-aggregated={scene.arrows.length}
      aria-hidden="true"
    >
      {scene.flashes.map((f) => (
        <rect
          key={f.cpu}
          x={f.rect.x - 3}
          y={f.rect.y - 3}
          width={f.rect.w + 6}
          height={f.rect.h + 6}
          rx={8}
          fill="none"
          stroke="var(--danger)"
          strokeWidth={2}
          strokeDasharray="3 3"
          opacity={f.opacity}
        />
      ))}
      {scene.arrows
        .filter((a) => a.labelled)
        .map((a) => (
          <Pill
            key={a.key}
            x={a.mid.x}
            y={a.mid.y}
            text={count(a.count)}
            alarm={false}
            opacity={1}
            maxX={p.width}
          />
        ))}
      {scene.markers.map((m) => (
        <Pill
          key={m.key}
          x={m.x}
          y={m.y - 12}
          text={m.count > 1 ? `${markerText(t, m)} ${count(m.count)}` : markerText(t, m)}
          alarm
          opacity={Math.min(1, m.opacity * 4)}
          maxX={p.width}
        />
      ))}
    </g>
  );
});
