import type { InstanceView, MachineView } from '../../contract';
import { memo, useMemo, useRef } from 'react';
import type { Lang } from '../../i18n';
import { isSelected, type Selection } from '../../store/selection-store';
import { RING_USABLE } from '../../contract';
import type { GroupBox } from '../../viz/machine-types';
import { ownerColour } from '../../viz/palette';
import { formatMiB } from '../format';
import { hatchId } from './Defs';
import { alarming, type MachineShape, type Translate } from './machine-spec';
import { HighlightRing } from './HighlightRing';
import { around, pressable, textAt, WORD_GAP } from './pressable';
import { useGlide } from './use-glide';

/** The back of a group: its frame, tinted in its kernel's colour (the pool's hatched). */
const GroupFrame = memo(function GroupFrame(p: {
  readonly box: GroupBox;
  readonly shape: MachineShape;
  readonly alarm: boolean;
  readonly prefix: string;
}) {
  const { box, alarm } = p;
  const ref = useRef<SVGGElement>(null);
  useGlide(ref, box.x, box.y, p.shape);
  const pool = box.owner < 0;
  const colour = pool ? 'var(--muted)' : ownerColour(box.owner);
  const at = { x: box.x, y: box.y, width: box.w, height: box.h, rx: 12 };
  return (
    <g ref={ref} className="mk-group">
      <rect {...at} fill={pool ? `url(#${hatchId(p.prefix, -1)})` : 'var(--panel)'} />
      {pool ? null : <rect {...at} fill={colour} fillOpacity={0.07} />}
      <rect
        x={box.x + 1}
        y={box.y + 1}
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
  /** The machine's shape the box was laid out for: the group glides when that changes. */
  readonly shape: MachineShape;
  /** The kernel's state, or null for the pool. */
  readonly state: InstanceView['state'] | null;
  readonly panicked: boolean;
  readonly hung: boolean;
  readonly alarm: boolean;
  readonly ring: number;
  readonly github: boolean;
  /** The words of its name that do not change with the ring level (from the machine's shape). */
  readonly texts: HeadTexts;
  readonly t: Translate;
  readonly selected: boolean;
  readonly interactive: boolean;
  readonly testPrefix: string;
  /** Lesson highlight keys (main machine only): the group's and its ring gauge's. */
  readonly hlKey?: string | undefined;
  readonly lit: boolean;
  readonly ringKey?: string | undefined;
  readonly ringLit: boolean;
}

/**
 * The front of a group: name, state, ring gauge, pending operation; the kernel's button.
 * Memoised: between frames only a kernel whose ring level changed is drawn again.
 */
const GroupHead = memo(function GroupHead(p: HeadProps) {
  const { box, alarm, t } = p;
  const pool = p.state === null;
  const gaugeText = p.github
    ? t('machine.ring', { n: p.ring, max: RING_USABLE })
    : t('machine.slot');
  const gaugeAria = p.github
    ? t('machine.ring.aria', { name: box.key, n: p.ring, max: RING_USABLE })
    : t('machine.slot.aria', { name: box.key });
  // The name starts with the words the group shows, in their order (WCAG 2.5.3, label in name: a
  // voice user says what they see), then what the picture leaves out. A ring's count is drawn
  // on the layer above (LiveMarks), outside this element, so it follows the group's own words.
  const inside = box.gaugeText && !p.github ? gaugeText : '';
  const above = box.gaugeText && p.github ? gaugeText : '';
  const shown = [box.name.text, box.state.text, inside, box.note?.text, above]
    .filter(Boolean)
    .join(', ');
  const aria = pool ? `${shown}. ${p.texts.more}` : `${shown}. ${p.texts.more}. ${gaugeAria}`;
  const ref = useRef<SVGGElement>(null);
  useGlide(ref, box.x, box.y, p.shape);
  const bar = box.gaugeBar;
  const own = pool
    ? { role: 'group' as const, 'aria-label': aria }
    : pressable(p.interactive, aria, { kind: 'kernel', id: box.owner }, p.selected);
  const whole = { x: box.x, y: box.y, w: box.w, h: box.h };
  return (
    <g
      ref={ref}
      className="mk-group"
      data-testid={`${p.testPrefix}group-${box.key}`}
      data-state={p.state ?? 'pool'}
      data-panicked={String(p.panicked)}
      data-hung={String(p.hung)}
      data-hl={p.hlKey}
      data-highlighted={p.lit ? 'true' : undefined}
      {...own}
    >
      <rect className="mk-focus" {...around(whole, 4, 12)} />
      {pool ? null : (
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={12} fill="transparent" />
      )}
      <rect
        {...box.swatch}
        width={box.swatch.w}
        height={box.swatch.h}
        rx={3}
        fill={pool ? 'var(--muted)' : ownerColour(box.owner)}
      />
      <text {...textAt(box.name)} fontSize={box.name.size} fontWeight={700}>
        {box.name.text}
      </text>
      {WORD_GAP}
      <text
        {...textAt(box.state)}
        fontSize={12}
        fontWeight={600}
        className={alarm ? 'mk-alarm' : 'mk-muted'}
      >
        {box.state.text}
      </text>
      {WORD_GAP}
      {bar ? (
        // The gauge's track; its fill and count change with every frame and are drawn apart
        // (LiveMarks). Its test id and level stay here, on the kernel's button.
        <g
          data-testid={`${p.testPrefix}ring-${box.key}`}
          data-level={p.ring}
          data-hl={p.ringKey}
          data-highlighted={p.ringLit ? 'true' : undefined}
        >
          {p.github ? (
            <rect {...bar} width={bar.w} height={bar.h} rx={bar.h / 2} fill="var(--line)" />
          ) : null}
          {box.gaugeText && !p.github ? (
            <text {...textAt(box.gaugeText)} fontSize={12} className="mk-muted">
              {gaugeText}
            </text>
          ) : null}
          {p.ringLit ? <HighlightRing box={bar} rx={bar.h / 2} /> : null}
        </g>
      ) : null}
      {WORD_GAP}
      {box.note ? (
        <text {...textAt(box.note)} fontSize={12} className="mk-muted">
          {box.note.text}
        </text>
      ) : null}
      {p.selected ? <rect className="mk-selected" {...around(whole, 2, 12)} /> : null}
      {p.lit ? <HighlightRing box={whole} rx={12} /> : null}
    </g>
  );
});

/** What a group's name says beyond what it shows: its id and CPUs, or the pool's memory. */
interface HeadTexts {
  readonly more: string;
}

interface GroupsProps {
  readonly groups: readonly GroupBox[];
  readonly shape: MachineShape;
}

/**
 * The frames of every group (drawn first: traffic arrows pass over them, under their text).
 * Memoised on the layout and the machine's shape: nothing in them changes frame to frame.
 */
export const GroupFrames = memo(function GroupFrames(
  props: GroupsProps & { readonly prefix: string },
) {
  return (
    <g aria-hidden="true">
      {props.groups.map((box) => {
        const inst = props.shape.instances.find((i) => i.id === box.owner);
        return (
          <GroupFrame
            key={box.key}
            box={box}
            shape={props.shape}
            alarm={inst !== undefined && alarming(inst)}
            prefix={props.prefix}
          />
        );
      })}
    </g>
  );
});

/** The heads of every group: the kernels' buttons, and the pool's label. */
export function GroupHeads(
  props: GroupsProps & {
    /** This frame's view: the ring levels. */
    readonly view: MachineView;
    readonly t: Translate;
    readonly lang: Lang;
    readonly selected: Selection | null;
    readonly interactive: boolean;
    readonly testPrefix: string;
    readonly hl: ReadonlySet<string> | null;
  },
) {
  const { view, shape, groups, t, lang } = props;
  const github = shape.version === 'github';
  const texts = useMemo(() => headTexts(shape, groups, t, lang), [shape, groups, t, lang]);
  const rings = new Map(view.instances.map((i) => [i.id, i.ring]));
  return (
    <g>
      {groups.map((box) => {
        const inst = shape.instances.find((i) => i.id === box.owner) ?? null;
        return (
          <GroupHead
            key={box.key}
            box={box}
            shape={shape}
            state={inst?.state ?? null}
            panicked={inst?.panicked ?? false}
            hung={inst?.hung ?? false}
            alarm={inst !== null && alarming(inst)}
            ring={rings.get(box.owner) ?? 0}
            github={github}
            texts={texts.get(box.key) ?? NO_TEXTS}
            t={t}
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

const NO_TEXTS: HeadTexts = { more: '' };

/** Each group's fixed words, by group key: made again only when the machine's shape changes. */
function headTexts(
  shape: MachineShape,
  groups: readonly GroupBox[],
  t: Translate,
  lang: Lang,
): Map<string, HeadTexts> {
  return new Map(
    groups.map((box) => {
      const inst = shape.instances.find((i) => i.id === box.owner);
      const more = inst
        ? t('machine.group.aria', { id: inst.id, cpus: inst.cpus.length })
        : t('machine.pool.aria', {
            cpus: shape.pool.cpus.length,
            free: formatMiB(lang, shape.pool.freeMiB),
            total: formatMiB(lang, shape.pool.totalMiB),
          });
      return [box.key, { more }];
    }),
  );
}

/** A group's highlight keys: `kernel:<name>` and `ring:<name>` for a kernel, `pool` for the pool. */
function groupHighlight(hl: ReadonlySet<string> | null, name: string | null) {
  if (!hl) return { lit: false, ringLit: false };
  const hlKey = name === null ? 'pool' : `kernel:${name}`;
  const ringKey = name === null ? undefined : `ring:${name}`;
  return { hlKey, lit: hl.has(hlKey), ringKey, ringLit: !!ringKey && hl.has(ringKey) };
}
