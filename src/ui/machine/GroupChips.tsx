import { memo, useRef } from 'react';
import { isSelected, type Selection } from '../../store/selection-store';
import type { ChipBox, GroupBox } from '../../viz/machine-types';
import { ownerColour } from '../../viz/palette';
import { ownerName } from '../owner-name';
import { deviceLabel, type MachineShape, type Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, labelInName, pressable, textAt, WORD_GAP } from './pressable';
import { useGlide } from './use-glide';

/** The words a chip shows, in order. */
const chipWords = (chip: ChipBox) =>
  [chip.label.text, chip.badge?.text.text].filter(Boolean).join(' ');

/** A chip, drawn at its place in the view. */
function Chip(p: {
  readonly chip: ChipBox;
  readonly rx: number;
  readonly fill: string;
  readonly fillOpacity: number;
  readonly stroke: string;
  readonly selected: boolean;
  readonly props: object;
  readonly testid?: string;
  readonly owner?: number;
  readonly hlKey?: string | undefined;
  readonly lit?: boolean;
}) {
  const { chip } = p;
  const label = chip.label;
  const badge = chip.badge;
  return (
    <g
      data-testid={p.testid}
      data-owner={p.owner}
      data-hl={p.hlKey}
      data-highlighted={p.lit ? 'true' : undefined}
      {...p.props}
    >
      <rect className="mk-focus" {...around(chip, 4, p.rx)} />
      <rect x={chip.x} y={chip.y} width={chip.w} height={chip.h} rx={p.rx} fill="var(--panel)" />
      <rect
        x={chip.x + 0.5}
        y={chip.y + 0.5}
        width={chip.w - 1}
        height={chip.h - 1}
        rx={p.rx}
        fill={p.fill}
        fillOpacity={p.fillOpacity}
        stroke={p.stroke}
      />
      {label.text ? (
        <text {...textAt(label)} fontSize={12} fontWeight={500}>
          {label.text}
        </text>
      ) : null}
      {WORD_GAP}
      {badge ? (
        <>
          <rect
            {...badge.rect}
            width={badge.rect.w}
            height={badge.rect.h}
            rx={4}
            fill="var(--accent)"
          />
          <text
            {...textAt(badge.text)}
            fontSize={12}
            fontWeight={600}
            style={{ fill: 'var(--accent-fg)' }}
          >
            {badge.text.text}
          </text>
        </>
      ) : null}
      {p.selected ? <rect className="mk-selected" {...around(chip, 2, p.rx)} /> : null}
      {p.lit ? <HighlightRing box={chip} rx={p.rx} /> : null}
    </g>
  );
}

interface ChipsProps {
  readonly shape: MachineShape;
  readonly t: Translate;
  readonly selected: Selection | null;
  readonly interactive: boolean;
  readonly testPrefix: string;
  readonly hl: ReadonlySet<string> | null;
}

/**
 * What a group holds besides its CPUs: its processes (chips under the CPUs they run on, or after
 * the grid when stopped) and the devices lent to it, each with its IOMMU badge. Drawn from the
 * layout and the machine's shape alone, and memoised: a frame that changes neither skips it.
 */
export const GroupChips = memo(function GroupChips(
  props: ChipsProps & { readonly groups: readonly GroupBox[] },
) {
  const { shape } = props;
  const workloads = new Map(shape.workloads.map((w) => [w.id, w]));
  const devices = new Map(shape.devices.map((d) => [d.pci, d]));
  return (
    <g>
      {props.groups.map((g) => (
        <ChipSet key={g.key} {...props} group={g} workloads={workloads} devices={devices} />
      ))}
    </g>
  );
});

/** One group's chips, gliding with their group when the machine changes shape. */
function ChipSet(
  props: ChipsProps & {
    readonly group: GroupBox;
    readonly workloads: ReadonlyMap<number, MachineShape['workloads'][number]>;
    readonly devices: ReadonlyMap<string, MachineShape['devices'][number]>;
  },
) {
  const { group: g, shape, t, selected, interactive, hl, workloads, devices } = props;
  const ref = useRef<SVGGElement>(null);
  useGlide(ref, g.x, g.y, shape);
  const kernel = ownerName(g.owner, shape.instances, t('machine.pool'));
  return (
    <g ref={ref} className="mk-group">
      {[...g.lanes, ...g.idle].map((chip) => {
        const w = workloads.get(chip.workload);
        const target = { kind: 'workload', id: chip.workload } as const;
        const aria = labelInName(
          chipWords(chip),
          w?.cpus.length
            ? t('machine.workload.aria', { name: w.name, kernel, cpus: w.cpus.join(', ') })
            : t('machine.workload.idleAria', { name: w?.name ?? '', kernel }),
        );
        return (
          <Chip
            key={chip.key}
            chip={chip}
            rx={chip.h / 2}
            fill={ownerColour(g.owner)}
            fillOpacity={0.2}
            stroke={ownerColour(g.owner)}
            selected={isSelected(selected, target)}
            props={pressable(interactive, aria, target, isSelected(selected, target))}
          />
        );
      })}
      {g.devices.map((chip) => {
        const d = devices.get(chip.pci);
        const target = { kind: 'device', pci: chip.pci } as const;
        const aria = labelInName(
          chipWords(chip),
          t('machine.device.aria', {
            device: deviceLabel(t, d?.kind ?? '', chip.pci),
            owner: kernel,
            iommu: d?.domain ? t('machine.device.iommuAria') : '',
          }),
        );
        return (
          <Chip
            key={chip.key}
            chip={chip}
            rx={6}
            fill="var(--panel)"
            fillOpacity={1}
            stroke="var(--muted)"
            selected={isSelected(selected, target)}
            testid={`${props.testPrefix}device-${chip.pci}`}
            owner={d?.owner ?? g.owner}
            hlKey={hl ? `device:${chip.pci}` : undefined}
            lit={!!hl?.has(`device:${chip.pci}`)}
            props={pressable(interactive, aria, target, isSelected(selected, target))}
          />
        );
      })}
    </g>
  );
}
