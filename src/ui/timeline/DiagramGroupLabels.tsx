import { memo } from 'react';
import { ownerColour } from '../../viz/palette';
import { useT } from '../hooks';
import { ownerName } from '../owner-name';
import type { RowsProps } from './DiagramRows';

/** The group headers' visible text, drawn above the traffic so arrows never cover a name. */
export function DiagramGroupLabels(props: RowsProps) {
  const t = useT();
  const { view, groups, stateWord } = props;
  const pool = t('cpus.pool');
  return (
    <g className="tl-labels" aria-hidden="true">
      {props.rows.map((r) => {
        if (r.kind !== 'group') return null;
        const inst = view.instances.find((i) => i.id === r.owner);
        return (
          <GroupLabel
            key={r.owner}
            owner={r.owner}
            y={r.y}
            name={ownerName(r.owner, view.instances, pool)}
            state={stateWord(r.owner)}
            count={t('timeline.groupCount', {
              count: groups.find((g) => g.owner === r.owner)?.cpus.length ?? 0,
            })}
            failed={!!inst && (inst.panicked || inst.hung)}
          />
        );
      })}
    </g>
  );
}

const GroupLabel = memo(function GroupLabel(p: {
  readonly owner: number;
  readonly y: number;
  readonly name: string;
  readonly state: string;
  readonly count: string;
  readonly failed: boolean;
}) {
  return (
    <g className={p.failed ? 'is-failed' : undefined}>
      <rect
        className="tl-swatch"
        x={8}
        y={p.y + 6}
        width={12}
        height={12}
        rx={2}
        style={{ fill: ownerColour(p.owner) }}
      />
      <text className="tl-group-text" x={26} y={p.y + 16.5}>
        <tspan className="tl-group-name">{p.name}</tspan>
        {p.state ? <tspan className="tl-group-state">{` · ${p.state}`}</tspan> : null}
        <tspan className="tl-group-count">{` · ${p.count}`}</tspan>
      </text>
    </g>
  );
});
