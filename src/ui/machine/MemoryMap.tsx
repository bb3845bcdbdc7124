import { memo } from 'react';
import type { Lang } from '../../i18n';
import type { MemoryLayout } from '../../viz/machine-types';
import { ownerColour, ownerInk } from '../../viz/palette';
import { formatMiB } from '../format';
import { hatchId } from './Defs';
import { ownerName } from '../owner-name';
import type { MachineShape, Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, pressable, textAt } from './pressable';

/**
 * The memory map: the machine's memory as one bar, a run per owner in address order (the pool's
 * free memory hatched), and a flag under each kernel whose memory another kernel or a device wrote.
 * Drawn from the layout and the machine's shape, and memoised: memory rarely changes hands.
 */
export const MemoryMap = memo(function MemoryMap(props: {
  readonly shape: MachineShape;
  readonly layout: MemoryLayout;
  readonly t: Translate;
  readonly lang: Lang;
  readonly prefix: string;
  readonly testPrefix: string;
  readonly hl: ReadonlySet<string> | null;
  /** The main machine's bar selects the memory for the inspector; the twin's is a picture. */
  readonly interactive: boolean;
  readonly selected: boolean;
}) {
  const { shape, layout, t, lang, hl } = props;
  const lit = !!hl?.has('memory');
  const runs = shape.memory
    .map((r) =>
      t('machine.memory.runAria', {
        owner: ownerName(r.owner, shape.instances, t('machine.pool')),
        size: formatMiB(lang, r.sizeMiB),
        start: formatMiB(lang, r.startMiB),
      }),
    )
    .join('; ');
  const { bar } = layout;
  const aria = t('machine.memory.aria', { runs });
  // The bar is a button of its own (a transparent box over it), named by what it shows: the
  // drawing around it stays one labelled group (axe: a button's name must hold its visible text).
  const press = pressable(props.interactive, aria, { kind: 'memory' }, props.selected);
  return (
    <g
      data-testid={`${props.testPrefix}memory-map`}
      data-hl={hl ? 'memory' : undefined}
      data-highlighted={lit ? 'true' : undefined}
      role={props.interactive ? 'group' : 'img'}
      aria-label={aria}
    >
      <text {...textAt(layout.title)} fontSize={12} fontWeight={600} className="mk-muted">
        {layout.title.text}
      </text>
      <rect x={bar.x} y={bar.y} width={bar.w} height={bar.h} rx={6} fill="var(--panel)" />
      {layout.runs.map((r) => (
        <g key={`${r.owner}@${r.x}`} data-owner={r.owner}>
          <rect
            x={r.x}
            y={r.y}
            width={Math.max(1, r.w)}
            height={r.h}
            fill={r.owner < 0 ? `url(#${hatchId(props.prefix, -1)})` : ownerColour(r.owner)}
            stroke="var(--panel)"
            strokeWidth={1}
          />
          {r.label ? (
            <text
              {...textAt(r.label)}
              fontSize={12}
              fontWeight={600}
              style={{ fill: r.owner < 0 ? 'var(--fg)' : ownerInk(r.owner) }}
            >
              {r.label.text}
            </text>
          ) : null}
        </g>
      ))}
      <rect
        x={bar.x + 0.5}
        y={bar.y + 0.5}
        width={bar.w - 1}
        height={bar.h - 1}
        rx={6}
        fill="none"
        stroke="var(--line)"
      />
      {layout.ends.map((e) => (
        <text key={e.anchor} {...textAt(e)} fontSize={12} className="mk-muted">
          {e.text}
        </text>
      ))}
      {layout.runs.map((r) =>
        r.outside ? (
          <g key={`out${r.owner}@${r.x}`}>
            <rect
              {...r.outside.tick}
              width={r.outside.tick.w}
              height={r.outside.tick.h}
              fill="var(--line)"
            />
            <text {...textAt(r.outside.text)} fontSize={12} className="mk-muted">
              {r.outside.text.text}
            </text>
          </g>
        ) : null,
      )}
      {layout.flags.map((f) => (
        <g key={f.owner} data-corrupt={f.owner}>
          <path d={`M${f.tick.x - 5},${bar.y - 9} h12 l-6,8 z`} fill="var(--danger)" />
          <rect {...f.tick} width={f.tick.w} height={f.tick.h} fill="var(--danger)" />
          <text {...textAt(f.text)} fontSize={12} fontWeight={600} className="mk-alarm">
            {f.text.text}
          </text>
        </g>
      ))}
      {props.interactive ? (
        <rect
          x={bar.x}
          y={bar.y}
          width={bar.w}
          height={bar.h}
          rx={6}
          fill="transparent"
          className="mk-press"
          {...press}
        />
      ) : null}
      {props.selected ? <rect className="mk-selected" {...around(bar, 2, 6)} /> : null}
      {lit ? <HighlightRing box={bar} rx={6} /> : null}
    </g>
  );
});
