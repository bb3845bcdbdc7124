import type { MachineView } from '../../contract';
import { memo, useRef } from 'react';
import { RING_USABLE } from '../../contract';
import { cellSlots } from '../../viz/machine-cells';
import type { CellBox, GroupBox } from '../../viz/machine-types';
import { ownerInk } from '../../viz/palette';
import type { MachineShape, Translate } from './machine-spec';
import { textAt } from './pressable';
import { useGlide } from './use-glide';

/** A kernel's ring gauge as it stands: its fill and its count, over the track KernelGroups draws. */
const GaugeLevel = memo(function GaugeLevel(p: {
  readonly box: GroupBox;
  readonly shape: MachineShape;
  readonly ring: number;
  readonly t: Translate;
}) {
  const { box, ring } = p;
  const ref = useRef<SVGGElement>(null);
  useGlide(ref, box.x, box.y, p.shape);
  if (!box.gaugeBar) return null;
  const bar = box.gaugeBar;
  const frac = Math.min(1, ring / RING_USABLE);
  const full = frac >= 0.75;
  return (
    <g ref={ref}>
      {frac > 0 ? (
        <rect
          x={bar.x}
          y={bar.y}
          width={Math.max(bar.h, bar.w * frac)}
          height={bar.h}
          rx={bar.h / 2}
          fill={full ? 'var(--danger)' : 'var(--accent)'}
        />
      ) : null}
      {box.gaugeText ? (
        <text {...textAt(box.gaugeText)} fontSize={12} className={full ? 'mk-alarm' : 'mk-muted'}>
          {p.t('machine.ring', { n: ring, max: RING_USABLE })}
        </text>
      ) : null}
    </g>
  );
});

/**
 * The dot in a busy CPU's corner, in the ink of its cell's label. Placed by its centre (a CSS
 * transition glides it with its cell), not by a transform: a transformed element is a piece of
 * its own in the browser's paint. There for every online CPU and hidden while it idles: CPUs turn
 * busy and idle every frame, and a dot added or removed each time had the browser lay the page
 * out again each frame (issue 14); a hidden one is only painted differently.
 */
const BusyDot = memo(function BusyDot(p: {
  readonly box: CellBox;
  readonly owner: number;
  readonly busy: boolean;
}) {
  const slot = cellSlots(p.box).busy;
  return (
    <circle
      className="mk-busy"
      cx={slot.x}
      cy={slot.y}
      r={3.5}
      visibility={p.busy ? undefined : 'hidden'}
      style={{ fill: ownerInk(p.owner) }}
    />
  );
});

/**
 * What in the drawing changes from frame to frame: each kernel's ring level (its gauge's fill and
 * count; the v2 proposal's slot has none) and which CPUs are busy. They get an SVG of their own,
 * laid over the machine's: a change anywhere in an SVG has the browser paint all of that SVG
 * again, and the machine's holds thousands of elements on a big machine, this one a few hundred.
 */
export function LiveMarks(props: {
  readonly view: MachineView;
  readonly shape: MachineShape;
  readonly groups: readonly GroupBox[];
  readonly cells: ReadonlyMap<number, CellBox>;
  readonly t: Translate;
}) {
  const { view, t } = props;
  const github = view.version === 'github';
  const rings = new Map(view.instances.map((i) => [i.id, i.ring]));
  return (
    <g aria-hidden="true">
      {github
        ? props.groups.map((box) =>
            box.owner < 0 ? null : (
              <GaugeLevel
                key={box.key}
                box={box}
                shape={props.shape}
                ring={rings.get(box.owner) ?? 0}
                t={t}
              />
            ),
          )
        : null}
      {view.cpus.map((c) => {
        const box = props.cells.get(c.id);
        if (!box || c.state !== 'online') return null;
        return <BusyDot key={c.id} box={box} owner={c.owner} busy={c.busy} />;
      })}
    </g>
  );
}
