import type { CpuState, MachineView } from '../../contract';
import { memo } from 'react';
import { isSelected, type Selection } from '../../store/selection-store';
import { cellSlots } from '../../viz/machine-cells';
import type { CellBox } from '../../viz/machine-types';
import { ownerColour, ownerInk } from '../../viz/palette';
import type { MessageKey } from '../../i18n';
import { hatchId } from './Defs';
import { ownerName } from '../owner-name';
import { cellWord, type Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, labelInName, pressable, WORD_GAP } from './pressable';

interface CellProps {
  readonly id: number;
  readonly owner: number;
  readonly state: CpuState;
  readonly busy: boolean;
  readonly box: CellBox;
  readonly label: string;
  readonly word: string;
  readonly aria: string;
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
 * One CPU: a square-ish cell at its place in its owner's group. The whole cell is moved by a CSS
 * transform, so when the CPU changes owner it glides to its new group (no motion when reduced).
 */
const CpuCell = memo(function CpuCell(p: CellProps) {
  const { box, state, owner } = p;
  const local = { x: 0, y: 0, w: box.w, h: box.h };
  const slots = cellSlots(local);
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
      className="mk-cpu"
      data-testid={`${p.testPrefix}cpu-${p.id}`}
      data-owner={owner}
      data-state={state}
      data-hl={p.hlKey}
      data-highlighted={p.lit ? 'true' : undefined}
      style={{ transform: `translate(${box.x}px, ${box.y}px)` }}
      {...pressable(p.interactive, p.aria, { kind: 'cpu', id: p.id }, p.selected)}
    >
      <rect className="mk-focus" {...around(local, 5, 6)} />
      {state === 'booting' ? (
        <rect width={box.w} height={box.h} rx={6} fill={ownerColour(owner)} fillOpacity={0.22} />
      ) : null}
      <rect
        className={state === 'booting' ? 'mk-booting' : undefined}
        x={0.5}
        y={0.5}
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
        {p.label}
      </text>
      {WORD_GAP}
      {solid && p.busy ? (
        <circle cx={slots.busy.x} cy={slots.busy.y} r={3.5} style={{ fill: ink }} />
      ) : null}
      {p.word ? (
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
            {p.word}
          </text>
        </>
      ) : null}
      {p.selected ? <rect className="mk-selected" {...around(local, 2, 6)} /> : null}
      {p.lit ? <HighlightRing box={local} rx={6} /> : null}
    </g>
  );
});

/** A cell's name: the words it shows, then its owner and state. */
function cellName(t: Translate, c: MachineView['cpus'][number], owner: string, state: string) {
  const shown = [t('machine.cpu', { id: c.id }), cellWord(t, c.state)].filter(Boolean).join(' ');
  const busy = c.busy && c.state === 'online' ? t('machine.cpu.busy') : '';
  return labelInName(shown, t('machine.cpu.aria', { owner, state, busy }));
}

export function CpuCells(props: {
  readonly view: MachineView;
  readonly cells: ReadonlyMap<number, CellBox>;
  readonly t: Translate;
  readonly selected: Selection | null;
  readonly interactive: boolean;
  readonly prefix: string;
  readonly testPrefix: string;
  readonly hl: ReadonlySet<string> | null;
}) {
  const { view, t, hl } = props;
  return (
    <g>
      {view.cpus.map((c) => {
        const box = props.cells.get(c.id);
        if (!box) return null;
        const owner = ownerName(c.owner, view.instances, t('machine.pool'));
        const state = t(`cpustate.${c.state}` as MessageKey);
        return (
          <CpuCell
            key={c.id}
            id={c.id}
            owner={c.owner}
            state={c.state}
            busy={c.busy}
            box={box}
            label={t('machine.cpu', { id: c.id })}
            word={cellWord(t, c.state)}
            aria={cellName(t, c, owner, state)}
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
