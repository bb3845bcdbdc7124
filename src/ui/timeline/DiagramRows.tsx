import type { MachineView } from '../../contract';
import { memo, useMemo, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n';
import type { LaneGroup, LaneRow } from '../../viz/timeline-lanes';
import { useT } from '../hooks';
import { ownerName } from '../owner-name';
import { rowKey } from './diagram-metrics';
import './diagram-lanes.css';

export interface RowsProps {
  readonly view: MachineView;
  readonly rows: readonly LaneRow[];
  readonly groups: readonly LaneGroup[];
  readonly stateWord: (owner: number) => string;
}

/** What a row does when pressed, moved through or focused (stable while the rows are). */
interface RowHandlers {
  readonly choose: (r: LaneRow) => void;
  readonly onRowKey: (e: KeyboardEvent<SVGGElement>, r: LaneRow) => void;
  readonly onRowFocus: (key: string) => void;
}

/**
 * The focusable rows: a header per kernel (and the pool), then one lane per CPU it holds; what
 * the lanes draw is in DiagramSegments. Each row is memoised, and their names are made again only
 * when a kernel or a CPU changes state or hands: a big machine has hundreds of rows.
 */
export function DiagramRows(
  props: RowsProps &
    RowHandlers & {
      readonly width: number;
      readonly x0: number;
      readonly selKernel: number | null;
      readonly selCpu: number | null;
      /** The row holding the one tab stop. */
      readonly active: string | null;
    },
) {
  const t = useT();
  const { view, groups, stateWord, width, x0, selKernel, selCpu, active } = props;
  const handlers: RowHandlers = {
    choose: props.choose,
    onRowKey: props.onRowKey,
    onRowFocus: props.onRowFocus,
  };
  // What the names say, as one key: every frame brings a new view, rarely new names.
  const said = [
    ...view.instances.map((i) => `${i.id}:${i.name}:${stateWord(i.id)}:${i.panicked || i.hung}`),
    ...view.cpus.map((c) => `${c.id}:${c.state}`),
  ].join(',');
  const names = useMemo(() => {
    const pool = t('cpus.pool');
    const cpus = new Map(view.cpus.map((c) => [c.id, c]));
    return new Map(
      props.rows.map((r) => {
        if (r.kind === 'group') {
          const count = groups.find((g) => g.owner === r.owner)?.cpus.length ?? 0;
          const label =
            r.owner < 0
              ? t('timeline.poolLabel', { count })
              : t('timeline.groupLabel', {
                  kernel: ownerName(r.owner, view.instances, pool),
                  count,
                  state: stateWord(r.owner),
                });
          return [rowKey(r), label];
        }
        const cpu = cpus.get(r.cpu);
        const label = t('timeline.laneLabel', {
          id: r.cpu,
          owner: ownerName(r.owner, view.instances, pool),
          state: cpu ? t(`cpustate.${cpu.state}` as MessageKey) : '',
        });
        return [rowKey(r), label];
      }),
    );
    // `said` stands for the view's names and states (the view itself is new every frame).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [said, props.rows, groups, t]);
  const failed = new Set(view.instances.filter((i) => i.panicked || i.hung).map((i) => i.id));
  return (
    <>
      {props.rows.map((r) => {
        const key = rowKey(r);
        const tabIndex = active === key ? 0 : -1;
        const label = names.get(key) ?? '';
        if (r.kind === 'group') {
          return (
            <GroupRow
              key={key}
              row={r}
              width={width}
              label={label}
              selected={selKernel === r.owner}
              failed={failed.has(r.owner)}
              tabIndex={tabIndex}
              {...handlers}
            />
          );
        }
        return (
          <CpuLane
            key={key}
            row={r}
            width={width}
            x0={x0}
            label={label}
            selected={selCpu === r.cpu}
            tabIndex={tabIndex}
            {...handlers}
          />
        );
      })}
    </>
  );
}

const GroupRow = memo(function GroupRow(
  p: RowHandlers & {
    readonly row: LaneRow;
    readonly width: number;
    readonly label: string;
    readonly selected: boolean;
    readonly failed: boolean;
    readonly tabIndex: number;
  },
) {
  const r = p.row;
  const key = rowKey(r);
  return (
    <g
      data-row={key}
      className={`tl-group${p.selected ? ' is-selected' : ''}${p.failed ? ' is-failed' : ''}`}
      role="button"
      tabIndex={p.tabIndex}
      aria-label={p.label}
      aria-pressed={r.owner >= 0 ? p.selected : undefined}
      onClick={() => p.choose(r)}
      onKeyDown={(e) => p.onRowKey(e, r)}
      onFocus={() => p.onRowFocus(key)}
    >
      <rect className="tl-group-bg" x={0} y={r.y} width={p.width} height={r.h} />
      {p.selected ? <rect className="tl-selbar" x={0} y={r.y} width={4} height={r.h} /> : null}
      <rect className="tl-focus" x={2} y={r.y + 1} width={p.width - 4} height={r.h - 2} rx={3} />
    </g>
  );
});

const CpuLane = memo(function CpuLane(
  p: RowHandlers & {
    readonly row: LaneRow & { readonly kind: 'lane' };
    readonly width: number;
    readonly x0: number;
    readonly label: string;
    readonly selected: boolean;
    readonly tabIndex: number;
  },
) {
  const r = p.row;
  const key = rowKey(r);
  return (
    <g
      data-row={key}
      data-cpu={r.cpu}
      className={`tl-lane${p.selected ? ' is-selected' : ''}`}
      role="button"
      tabIndex={p.tabIndex}
      aria-pressed={p.selected}
      aria-label={p.label}
      onClick={() => p.choose(r)}
      onKeyDown={(e) => p.onRowKey(e, r)}
      onFocus={() => p.onRowFocus(key)}
    >
      <rect className="tl-lane-bg" x={0} y={r.y} width={p.width} height={r.h} />
      {p.selected ? <rect className="tl-selbar" x={0} y={r.y} width={4} height={r.h} /> : null}
      <text className="tl-lane-label" x={p.x0 - 10} y={r.y + r.h / 2 + 4.5}>
        {r.cpu}
      </text>
      <rect className="tl-focus" x={2} y={r.y + 0.5} width={p.width - 4} height={r.h - 1} rx={3} />
    </g>
  );
});
