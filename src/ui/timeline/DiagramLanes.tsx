import type { MachineView } from '../../contract';
import type { KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n';
import { ownerColour } from '../../viz/palette';
import type { LaneGroup, LaneRow, LaneSegment } from '../../viz/timeline-lanes';
import { useT } from '../hooks';
import { ownerName } from '../owner-name';
import { rowKey } from './diagram-metrics';
import './diagram-lanes.css';
import './diagram-marks.css';

interface RowsProps {
  readonly view: MachineView;
  readonly rows: readonly LaneRow[];
  readonly groups: readonly LaneGroup[];
  readonly stateWord: (owner: number) => string;
}

/** The focusable rows: a header per kernel (and the pool), then one lane per CPU it holds. */
export function DiagramRows(
  props: RowsProps & {
    readonly width: number;
    readonly x0: number;
    readonly x: (t: number) => number;
    readonly segments: ReadonlyMap<number, readonly LaneSegment[]>;
    readonly clip: string;
    readonly uid: string;
    readonly selKernel: number | null;
    readonly selCpu: number | null;
    /** The row holding the one tab stop. */
    readonly active: string | null;
    readonly choose: (r: LaneRow) => void;
    readonly onRowKey: (e: KeyboardEvent<SVGGElement>, r: LaneRow) => void;
    readonly onRowFocus: (key: string) => void;
  },
) {
  const t = useT();
  const { view, groups, stateWord, width, x0, x, clip, uid, selKernel, selCpu, active } = props;
  const { choose, onRowKey, onRowFocus } = props;
  return (
    <>
      {props.rows.map((r) => {
        const key = rowKey(r);
        if (r.kind === 'group') {
          const count = groups.find((g) => g.owner === r.owner)?.cpus.length ?? 0;
          const name = ownerName(r.owner, view.instances, t('cpus.pool'));
          const state = stateWord(r.owner);
          const label =
            r.owner < 0
              ? t('timeline.poolLabel', { count })
              : t('timeline.groupLabel', { kernel: name, count, state });
          const inst = view.instances.find((i) => i.id === r.owner);
          return (
            <g
              key={key}
              data-row={key}
              className={`tl-group${selKernel === r.owner ? ' is-selected' : ''}${inst?.panicked || inst?.hung ? ' is-failed' : ''}`}
              role="button"
              tabIndex={active === key ? 0 : -1}
              aria-label={label}
              aria-pressed={r.owner >= 0 ? selKernel === r.owner : undefined}
              onClick={() => choose(r)}
              onKeyDown={(e) => onRowKey(e, r)}
              onFocus={() => onRowFocus(key)}
            >
              <rect className="tl-group-bg" x={0} y={r.y} width={width} height={r.h} />
              {selKernel === r.owner ? (
                <rect className="tl-selbar" x={0} y={r.y} width={4} height={r.h} />
              ) : null}
              <rect
                className="tl-focus"
                x={2}
                y={r.y + 1}
                width={width - 4}
                height={r.h - 2}
                rx={3}
              />
            </g>
          );
        }
        const cpu = view.cpus.find((c) => c.id === r.cpu);
        const segs = props.segments.get(r.cpu) ?? [];
        const selected = selCpu === r.cpu;
        return (
          <g
            key={key}
            data-row={key}
            data-cpu={r.cpu}
            className={`tl-lane${selected ? ' is-selected' : ''}`}
            role="button"
            tabIndex={active === key ? 0 : -1}
            aria-pressed={selected}
            aria-label={t('timeline.laneLabel', {
              id: r.cpu,
              owner: ownerName(r.owner, view.instances, t('cpus.pool')),
              state: cpu ? t(`cpustate.${cpu.state}` as MessageKey) : '',
            })}
            onClick={() => choose(r)}
            onKeyDown={(e) => onRowKey(e, r)}
            onFocus={() => onRowFocus(key)}
          >
            <rect className="tl-lane-bg" x={0} y={r.y} width={width} height={r.h} />
            {selected ? <rect className="tl-selbar" x={0} y={r.y} width={4} height={r.h} /> : null}
            <text className="tl-lane-label" x={x0 - 10} y={r.y + r.h / 2 + 4.5}>
              {r.cpu}
            </text>
            <g clipPath={`url(#${clip})`}>
              {segs.map((s) => (
                <Segment
                  key={s.start}
                  s={s}
                  x={x(s.start)}
                  w={Math.max(0.5, x(s.end) - x(s.start))}
                  y={r.y + 2}
                  h={r.h - 4}
                  hatch={`url(#${uid}-hatch)`}
                />
              ))}
            </g>
            <rect
              className="tl-focus"
              x={2}
              y={r.y + 0.5}
              width={width - 4}
              height={r.h - 1}
              rx={3}
            />
          </g>
        );
      })}
    </>
  );
}

/** The group headers' visible text, drawn above the traffic so arrows never cover a name. */
export function DiagramGroupLabels(props: RowsProps) {
  const t = useT();
  const { view, groups, stateWord } = props;
  return (
    <g className="tl-labels" aria-hidden="true">
      {props.rows.map((r) => {
        if (r.kind !== 'group') return null;
        const count = groups.find((g) => g.owner === r.owner)?.cpus.length ?? 0;
        const state = stateWord(r.owner);
        const inst = view.instances.find((i) => i.id === r.owner);
        const failed = !!inst && (inst.panicked || inst.hung);
        return (
          <g key={r.owner} className={failed ? 'is-failed' : undefined}>
            <rect
              className="tl-swatch"
              x={8}
              y={r.y + 6}
              width={12}
              height={12}
              rx={2}
              style={{ fill: ownerColour(r.owner) }}
            />
            <text className="tl-group-text" x={26} y={r.y + 16.5}>
              <tspan className="tl-group-name">
                {ownerName(r.owner, view.instances, t('cpus.pool'))}
              </tspan>
              {state ? <tspan className="tl-group-state">{` · ${state}`}</tspan> : null}
              <tspan className="tl-group-count">{` · ${t('timeline.groupCount', { count })}`}</tspan>
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Segment(props: {
  s: LaneSegment;
  x: number;
  w: number;
  y: number;
  h: number;
  hatch: string;
}) {
  const { s, x, w, y, h } = props;
  const colour = s.state === 'halted' ? 'var(--danger)' : ownerColour(s.owner);
  return (
    <>
      <rect
        className={`tl-seg tl-seg-${s.state}`}
        x={x}
        y={y}
        width={w}
        height={h}
        style={{ fill: s.state === 'offline' ? undefined : colour, stroke: colour }}
      />
      {s.state === 'parked' || s.state === 'halted' ? (
        <rect className="tl-seg-hatch" x={x} y={y} width={w} height={h} fill={props.hatch} />
      ) : null}
    </>
  );
}
