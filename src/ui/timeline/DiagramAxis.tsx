import type { MachineView } from '../../contract';
import { select } from '../../store/selection-store';
import { ownerColour } from '../../viz/palette';
import { markPath, type HappeningMark } from '../../viz/timeline-marks';
import type { Tick } from '../../viz/timeline-window';
import { formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { happeningText } from './describe';
import { AXIS_H, EVENTS_H } from './diagram-metrics';
import './diagram.css';
import './diagram-marks.css';

/** The strip above the lanes: the time axis with its ticks, and the row of happenings. */
export function DiagramAxis(props: {
  readonly view: MachineView;
  readonly width: number;
  readonly x0: number;
  readonly x1: number;
  readonly ticks: readonly Tick[];
  readonly nowX: number | null;
  readonly marks: readonly HappeningMark[];
  readonly markXs: readonly number[];
  readonly slots: readonly number[];
  readonly selKernel: number | null;
}) {
  const t = useT();
  const lang = useLang();
  const { view, width, x0, x1, ticks, nowX, markXs, slots, selKernel } = props;
  const tickAnchor = (tx: number) =>
    tx > x1 - 28 ? 'end' : tx < x0 + 28 ? 'start' : ('middle' as const);
  return (
    <svg
      className="tl-head"
      width={width}
      height={AXIS_H + EVENTS_H}
      aria-hidden="true"
      data-testid="timeline-axis"
    >
      <text className="tl-colhead" x={8} y={16}>
        {t('cpus.heading')}
      </text>
      <text className="tl-colhead" x={8} y={AXIS_H + 20}>
        {t('timeline.events')}
      </text>
      <line className="tl-axis" x1={x0} x2={x1} y1={AXIS_H - 1} y2={AXIS_H - 1} />
      {ticks.map((k) => (
        <g key={k.offset}>
          <line className="tl-tick" x1={k.x} x2={k.x} y1={AXIS_H - 5} y2={AXIS_H + EVENTS_H} />
          <text className="tl-ticklabel" x={k.x} y={15} textAnchor={tickAnchor(k.x)}>
            {k.offset === 0 ? t('timeline.now') : formatNs(lang, k.offset)}
          </text>
        </g>
      ))}
      {nowX !== null ? (
        <line className="tl-now" x1={nowX} x2={nowX} y1={AXIS_H - 4} y2={AXIS_H + EVENTS_H} />
      ) : null}
      {props.marks.map((m, i) => (
        <path
          key={m.seq}
          className={`tl-mark tl-mark-${m.kind}${selKernel === m.kernel ? ' is-selected' : ''}`}
          d={markPath(m.kind, 12)}
          transform={`translate(${markXs[i] ?? 0},${AXIS_H + 9 + (slots[i] ?? 0) * 14})`}
          style={
            m.kind === 'state' || m.kind === 'claim' ? { fill: ownerColour(m.kernel) } : undefined
          }
          onClick={() => select({ kind: 'kernel', id: m.kernel })}
        >
          <title>{`${formatNs(lang, m.t)} · ${happeningText(t, view, m)}`}</title>
        </path>
      ))}
    </svg>
  );
}
