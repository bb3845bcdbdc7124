import type { CpuState, MachineView } from '../../contract';
import { memo, useMemo, useRef } from 'react';
import { isSelected, type Selection } from '../../store/selection-store';
import { cellSlots } from '../../viz/machine-cells';
import type { CellBox } from '../../viz/machine-types';
import { ownerColour, ownerInk } from '../../viz/palette';
import type { MessageKey } from '../../i18n';
import { hatchId } from './Defs';
import { cellWord, type MachineShape, type Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, labelInName, pressable, WORD_GAP } from './pressable';
import { useGlide } from './use-glide';

interface CellProps {
  readonly id: number;
  readonly owner: number;
  readonly state: CpuState;
  readonly busy: boolean;
  readonly box: CellBox;
  /** The machine's shape the box was laid out for: the cell glides when that changes. */
  readonly shape: MachineShape;
  /** Its owner's name, as the cell's accessible name says it. */
  readonly ownerName: string;
  readonly t: Translate;
  readonly selected: boolean;
  readonly interactive: boolean;
  readonly prefix: string;
  readonly testPrefix: string;
  /** The lesson highlight key (main machine only), and whether the step highlights this CPU. */
  readonly hlKey?: string | undefined;
  readonly lit: boolean;
}

/** The glyph before a cell's state word, drawn (not a font character) so it looks the same everywhere. */
function Glyph({ state, x, y }: { state: CpuState; x: number; y: number }) {
  switch (state) {
    case 'parked':
      return (
        <g fill="var(--fg)">
          <rect x={x} y={y - 5} width={3} height={10} rx={1} />
          <rect x={x + 5} y={y - 5} width={3} height={10} rx={1} />
        </g>
      );
    case 'halted':
      return (
        <path
          d={`M${x},${y - 4.5} l9,9 M${x + 9},${y - 4.5} l-9,9`}
          stroke="var(--danger)"
          strokeWidth={2.2}
          strokeLinecap="round"
        />
      );
    case 'booting':
      return (
        <path
          d={`M${x + 8.5},${y} a4.5,4.5 0 1 1 -2,-3.8`}
          fill="none"
          stroke="var(--fg)"
          strokeWidth={2}
          strokeLinecap="round"
        />
      );
    case 'offline':
      return (
        <circle cx={x + 4.5} cy={y} r={4} fill="none" stroke="var(--muted)" strokeWidth={1.8} />
      );
    default:
      return null;
  }
}

/**
 * One CPU: a square-ish cell at its place in its owner's group; when the CPU changes owner it
 * glides to its new group (useGlide; no motion when reduced). Memoised on plain values: a frame
 * draws again only the cells whose state or busy flag changed. Its busy dot is drawn apart with
 * what changes every frame (LiveMarks).
 */
const CpuCell = memo(function CpuCell(p: CellProps) {
  const { box, state, owner, t } = p;
  const ref = useRef<SVGGElement>(null);
  useGlide(ref, box.x, box.y, p.shape);
  const label = t('machine.cpu', { id: p.id });
  const word = cellWord(t, state);
  const aria = cellName(t, p, p.ownerName, t(`cpustate.${state}` as MessageKey));
  const cell = { x: box.x, y: box.y, w: box.w, h: box.h };
  const slots = cellSlots(cell);
  const solid = state === 'online';
  const fill =
    state === 'parked'
      ? `url(#${hatchId(p.prefix, owner)})`
      : state === 'offline'
        ? 'var(--line)'
        : state === 'halted' || state === 'booting'
          ? 'var(--panel)'
          : ownerColour(owner);
  const stroke =
    state === 'halted'
      ? 'var(--danger)'
      : state === 'offline'
        ? 'var(--muted)'
        : ownerColour(owner);
  const ink = solid ? ownerInk(owner) : state === 'offline' ? 'var(--muted)' : 'var(--fg)';
  return (
    <g
      ref={ref}
      className="mk-cpu"
      data-testid={`${p.testPrefix}cpu-${p.id}`}
      data-owner={owner}
      data-state={state}
      data-hl={p.hlKey}
      data-highlighted={p.lit ? 'true' : undefined}
      {...pressable(p.interactive, aria, { kind: 'cpu', id: p.id }, p.selected)}
    >
      <rect className="mk-focus" {...around(cell, 5, 6)} />
      {state === 'booting' ? (
        <rect
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          rx={6}
          fill={ownerColour(owner)}
          fillOpacity={0.22}
        />
      ) : null}
      <rect
        className={state === 'booting' ? 'mk-booting' : undefined}
        x={box.x + 0.5}
        y={box.y + 0.5}
        width={box.w - 1}
        height={box.h - 1}
        rx={6}
        fill={state === 'booting' ? 'none' : fill}
        stroke={stroke}
        strokeWidth={state === 'halted' ? 3 : state === 'online' ? 0 : 1.5}
        strokeDasharray={state === 'parked' || state === 'booting' ? '4 3' : undefined}
      />
      <text
        x={slots.label.x}
        y={slots.label.y + slots.label.h / 2}
        dominantBaseline="central"
        fontSize={12}
        fontWeight={600}
        style={{ fill: ink }}
      >
        {label}
      </text>
      {WORD_GAP}
      {word ? (
        <>
          <Glyph state={state} x={slots.icon.x} y={slots.icon.y + slots.icon.h / 2} />
          <text
            x={slots.state.x}
            y={slots.state.y + slots.state.h / 2}
            dominantBaseline="central"
            fontSize={12}
            className={
              state === 'halted' ? 'mk-alarm' : state === 'offline' ? 'mk-muted' : undefined
            }
          >
            {word}
          </text>
        </>
      ) : null}
      {p.selected ? <rect className="mk-selected" {...around(cell, 2, 6)} /> : null}
      {p.lit ? <HighlightRing box={cell} rx={6} /> : null}
    </g>
  );
});

/** A cell's name: the words it shows, then its owner and state. */
function cellName(
  t: Translate,
  c: { readonly id: number; readonly state: CpuState; readonly busy: boolean },
  owner: string,
  state: string,
) {
  const shown = [t('machine.cpu', { id: c.id }), cellWord(t, c.state)].filter(Boolean).join(' ');
  const busy = c.busy && c.state === 'online' ? t('machine.cpu.busy') : '';
  return labelInName(shown, t('machine.cpu.aria', { owner, state, busy }));
}

export function CpuCells(props: {
  readonly view: MachineView;
  readonly shape: MachineShape;
  readonly cells: ReadonlyMap<number, CellBox>;
  readonly t: Translate;
  readonly selected: Selection | null;
  readonly interactive: boolean;
  readonly prefix: string;
  readonly testPrefix: string;
  readonly hl: ReadonlySet<string> | null;
}) {
  const { view, shape, t, hl } = props;
  // Owners' names change with the shape, not with the frame.
  const owners = useMemo(() => {
    const names = new Map(shape.instances.map((i) => [i.id, i.name]));
    return (owner: number) => (owner < 0 ? t('machine.pool') : (names.get(owner) ?? String(owner)));
  }, [shape, t]);
  return (
    <g>
      {view.cpus.map((c) => {
        const box = props.cells.get(c.id);
        if (!box) return null;
        return (
          <CpuCell
            key={c.id}
            id={c.id}
            owner={c.owner}
            state={c.state}
            busy={c.busy}
            box={box}
            shape={shape}
            ownerName={owners(c.owner)}
            t={t}
            selected={isSelected(props.selected, { kind: 'cpu', id: c.id })}
            interactive={props.interactive}
            prefix={props.prefix}
            testPrefix={props.testPrefix}
            hlKey={hl ? `cpu:${c.id}` : undefined}
            lit={!!hl?.has(`cpu:${c.id}`)}
          />
        );
      })}
    </g>
  );
}
