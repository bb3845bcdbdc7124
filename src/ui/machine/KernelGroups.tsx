import type { InstanceView, MachineView } from '../../contract';
import { memo } from 'react';
import type { Lang } from '../../i18n';
import { isSelected, type Selection } from '../../store/selection-store';
import { RING_USABLE } from '../../contract';
import type { GroupBox, Point } from '../../viz/machine-types';
import { ownerColour } from '../../viz/palette';
import { formatMiB } from '../format';
import { hatchId } from './Defs';
import { alarming, type Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, moved, pressable, textAt, WORD_GAP } from './pressable';

/** A group's `<g>` sits at its box's corner and glides there (CSS) when the layout changes. */
const at = (box: Point) => ({ transform: `translate(${box.x}px, ${box.y}px)` });

/** The back of a group: its frame, tinted in its kernel's colour (the pool's hatched). */
const GroupFrame = memo(function GroupFrame(p: {
  readonly box: GroupBox;
  readonly alarm: boolean;
  readonly prefix: string;
}) {
  const { box, alarm } = p;
  const pool = box.owner < 0;
  const colour = pool ? 'var(--muted)' : ownerColour(box.owner);
  return (
    <g className="mk-group" style={at(box)}>
      <rect
        width={box.w}
        height={box.h}
        rx={12}
        fill={pool ? `url(#${hatchId(p.prefix, -1)})` : 'var(--panel)'}
      />
      {pool ? null : <rect width={box.w} height={box.h} rx={12} fill={colour} fillOpacity={0.07} />}
      <rect
        x={1}
        y={1}
        width={box.w - 2}
        height={box.h - 2}
        rx={11}
        fill="none"
        stroke={alarm ? 'var(--danger)' : colour}
        strokeWidth={alarm ? 2.5 : pool ? 1.5 : 2}
        strokeDasharray={alarm ? '7 4' : pool ? '5 4' : undefined}
      />
    </g>
  );
});

interface HeadProps {
  readonly box: GroupBox;
  /** The kernel's state, or null for the pool. */
  readonly state: InstanceView['state'] | null;
  readonly panicked: boolean;
  readonly hung: boolean;
  readonly alarm: boolean;
  readonly ring: number;
  readonly github: boolean;
  readonly aria: string;
  readonly gaugeText: string;
  readonly selected: boolean;
  readonly interactive: boolean;
  readonly testPrefix: string;
  /** Lesson highlight keys (main machine only): the group's and its ring gauge's. */
  readonly hlKey?: string | undefined;
  readonly lit: boolean;
  readonly ringKey?: string | undefined;
  readonly ringLit: boolean;
}

/** The front of a group: name, state, ring gauge, pending operation; the kernel's button. */
const GroupHead = memo(function GroupHead(p: HeadProps) {
  const { box, alarm } = p;
  const pool = p.state === null;
  const o = box;
  const bar = box.gaugeBar ? moved(box.gaugeBar, o) : null;
  const frac = p.github ? Math.min(1, p.ring / RING_USABLE) : 0;
  const full = frac >= 0.75;
  const own = pool
    ? { role: 'group' as const, 'aria-label': p.aria }
    : pressable(p.interactive, p.aria, { kind: 'kernel', id: box.owner }, p.selected);
  const local = { x: 0, y: 0, w: box.w, h: box.h };
  return (
    <g
      className="mk-group"
      style={at(box)}
      data-testid={`${p.testPrefix}group-${box.key}`}
      data-state={p.state ?? 'pool'}
      data-panicked={String(p.panicked)}
      data-hung={String(p.hung)}
      data-hl={p.hlKey}
      data-highlighted={p.lit ? 'true' : undefined}
      {...own}
    >
      <rect className="mk-focus" {...around(local, 4, 12)} />
      {pool ? null : <rect width={box.w} height={box.h} rx={12} fill="transparent" />}
      <rect
        {...moved(box.swatch, o)}
        width={box.swatch.w}
        height={box.swatch.h}
        rx={3}
        fill={pool ? 'var(--muted)' : ownerColour(box.owner)}
      />
      <text {...textAt(moved(box.name, o))} fontSize={box.name.size} fontWeight={700}>
        {box.name.text}
      </text>
      {WORD_GAP}
      <text
        {...textAt(moved(box.state, o))}
        fontSize={12}
        fontWeight={600}
        className={alarm ? 'mk-alarm' : 'mk-muted'}
      >
        {box.state.text}
      </text>
      {WORD_GAP}
      {bar ? (
        <g
          data-testid={`${p.testPrefix}ring-${box.key}`}
          data-level={p.ring}
          data-hl={p.ringKey}
          data-highlighted={p.ringLit ? 'true' : undefined}
        >
          {p.github ? (
            <rect {...bar} width={bar.w} height={bar.h} rx={bar.h / 2} fill="var(--line)" />
          ) : null}
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
            <text
              {...textAt(moved(box.gaugeText, o))}
              fontSize={12}
              className={full ? 'mk-alarm' : 'mk-muted'}
            >
              {p.gaugeText}
            </text>
          ) : null}
          {p.ringLit ? <HighlightRing box={bar} rx={bar.h / 2} /> : null}
        </g>
      ) : null}
      {WORD_GAP}
      {box.note ? (
        <text {...textAt(moved(box.note, o))} fontSize={12} className="mk-muted">
          {box.note.text}
        </text>
      ) : null}
      {p.selected ? <rect className="mk-selected" {...around(local, 2, 12)} /> : null}
      {p.lit ? <HighlightRing box={local} rx={12} /> : null}
    </g>
  );
});

interface GroupsProps {
  readonly view: MachineView;
  readonly groups: readonly GroupBox[];
  readonly t: Translate;
  readonly lang: Lang;
  readonly selected: Selection | null;
  readonly interactive: boolean;
  readonly prefix: string;
  readonly testPrefix: string;
  readonly hl: ReadonlySet<string> | null;
}

/** The frames of every group (drawn first: traffic arrows pass over them, under their text). */
export function GroupFrames(props: GroupsProps) {
  return (
    <g aria-hidden="true">
      {props.groups.map((box) => {
        const inst = props.view.instances.find((i) => i.id === box.owner);
        return (
          <GroupFrame
            key={box.key}
            box={box}
            alarm={inst !== undefined && alarming(inst)}
            prefix={props.prefix}
          />
        );
      })}
    </g>
  );
}

/** The heads of every group: the kernels' buttons, and the pool's label. */
export function GroupHeads(props: GroupsProps) {
  const { view, t, lang } = props;
  const github = view.version === 'github';
  return (
    <g>
      {props.groups.map((box) => {
        const inst = view.instances.find((i) => i.id === box.owner) ?? null;
        const ring = inst?.ring ?? 0;
        const gaugeAria = github
          ? t('machine.ring.aria', { name: box.key, n: ring, max: RING_USABLE })
          : t('machine.slot.aria', { name: box.key });
        const gaugeText = github
          ? t('machine.ring', { n: ring, max: RING_USABLE })
          : t('machine.slot');
        // The name starts with the words the group shows, in their order (WCAG 2.5.3, label in
        // name: a voice user says what they see), then what the picture leaves out.
        const shown = [
          box.name.text,
          box.state.text,
          box.gaugeText ? gaugeText : '',
          box.note?.text,
        ]
          .filter(Boolean)
          .join(', ');
        const more = inst
          ? `${t('machine.group.aria', { id: inst.id, cpus: inst.cpus.length })}. ${gaugeAria}`
          : t('machine.pool.aria', {
              cpus: view.pool.cpus.length,
              free: formatMiB(lang, view.pool.freeMiB),
              total: formatMiB(lang, view.pool.totalMiB),
            });
        const aria = `${shown}. ${more}`;
        return (
          <GroupHead
            key={box.key}
            box={box}
            state={inst?.state ?? null}
            panicked={inst?.panicked ?? false}
            hung={inst?.hung ?? false}
            alarm={inst !== null && alarming(inst)}
            ring={ring}
            github={github}
            aria={aria}
            gaugeText={gaugeText}
            selected={isSelected(props.selected, { kind: 'kernel', id: box.owner })}
            interactive={props.interactive}
            testPrefix={props.testPrefix}
            {...groupHighlight(props.hl, inst ? inst.name : null)}
          />
        );
      })}
    </g>
  );
}

/** A group's highlight keys: `kernel:<name>` and `ring:<name>` for a kernel, `pool` for the pool. */
function groupHighlight(hl: ReadonlySet<string> | null, name: string | null) {
  if (!hl) return { lit: false, ringLit: false };
  const hlKey = name === null ? 'pool' : `kernel:${name}`;
  const ringKey = name === null ? undefined : `ring:${name}`;
  return { hlKey, lit: hl.has(hlKey), ringKey, ringLit: !!ringKey && hl.has(ringKey) };
}
