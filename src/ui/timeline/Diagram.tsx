import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n';
import type { MachineView } from '../../sim';
import { select, type Selection } from '../../store/selection-store';
import { TRAFFIC_CAP } from '../../store/sim-store';
import { ownerColour } from '../../viz/palette';
import {
  arrowPaths,
  arrowSegments,
  binByColumn,
  nearestArrow,
  planArrows,
  type ArrowSeg,
  type Traffic,
} from '../../viz/timeline-arrows';
import {
  groupLanes,
  laneHeight,
  layoutLanes,
  type CpuEvent,
  type LaneRow,
  type LaneSegment,
} from '../../viz/timeline-lanes';
import { markPath, stackMarks, type HappeningMark } from '../../viz/timeline-marks';
import { timeScale, timeTicks, type TimeWindow } from '../../viz/timeline-window';
import { formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { arrowText, fateText, happeningText, ownerName } from './describe';
import { useWidth } from './useWidth';

export const AXIS_H = 24;
export const EVENTS_H = 32;
const HEADER_H = 24;
const RIGHT_PAD = 12;

export interface DiagramProps {
  readonly view: MachineView;
  readonly win: TimeWindow;
  readonly now: number;
  readonly width: number;
  readonly segments: ReadonlyMap<number, readonly LaneSegment[]>;
  readonly traffic: Traffic;
  readonly marks: readonly HappeningMark[];
  readonly cpuEvents: readonly CpuEvent[];
  /** Traffic older than this is no longer kept by the page (null: all of it is). */
  readonly keptFrom: number | null;
  readonly selected: Selection | null;
  readonly captionId: string;
}

/** Where the label column ends, for a given width. */
export function plotLeft(width: number): number {
  return width < 560 ? 64 : 80;
}

function rowKey(r: LaneRow): string {
  return r.kind === 'group' ? `g${r.owner}` : `c${r.cpu}`;
}

/** The space-time diagram itself: axis and event row on top, lanes and arrows below. */
export function Diagram(p: DiagramProps) {
  const t = useT();
  const lang = useLang();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const bodyRef = useRef<SVGSVGElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The lanes' box, less its scrollbar when a big machine makes it scroll.
  const inner = useWidth(scrollRef, 0);
  const { view, win, now } = p;
  const width = inner > 0 ? Math.min(inner, p.width) : p.width;
  const x0 = plotLeft(width);
  const x1 = Math.max(x0 + 40, width - RIGHT_PAD);
  const x = timeScale(win, x0, x1);
  const groups = useMemo(() => groupLanes(view.cpus), [view.cpus]);
  const laneH = laneHeight(view.cpus.length);
  const layout = useMemo(() => layoutLanes(groups, laneH, HEADER_H), [groups, laneH]);
  const ticks = timeTicks(win, now, x0, x1);
  const nowX = now >= win.start && now <= win.end ? x(now) : null;
  const keptX = p.keptFrom !== null && p.keptFrom > win.start ? x(p.keptFrom) : null;

  const plan = planArrows(p.traffic.arrows, x);
  const fates = binByColumn(p.traffic.fates, x);
  const ipis = binByColumn(p.traffic.ipis, x);
  const markXs = p.marks.map((m) => x(m.t));
  const slots = stackMarks(markXs, 14);

  const selMsg = p.selected?.kind === 'message' ? p.selected.seq : null;
  const selCpu = p.selected?.kind === 'cpu' ? p.selected.id : null;
  const selKernel = p.selected?.kind === 'kernel' ? p.selected.id : null;

  const groupSpan = (owner: number): [number, number] => {
    const rows = layout.rows.filter((r) => r.owner === owner);
    if (rows.length === 0) return [0, layout.height];
    const first = rows[0] as LaneRow;
    const last = rows[rows.length - 1] as LaneRow;
    return [first.y, last.y + last.h];
  };

  const stateWord = (owner: number): string => {
    const inst = view.instances.find((i) => i.id === owner);
    if (!inst) return '';
    if (inst.panicked) return t('state.panicked');
    if (inst.hung) return t('state.hung');
    return t(`state.${inst.stateLabel}` as MessageKey);
  };

  // Roving focus over the rows: one tab stop, arrows move between group headers and lanes.
  const keys = layout.rows.map(rowKey);
  const active = focusKey && keys.includes(focusKey) ? focusKey : (keys[0] ?? null);
  const onRowKey = (e: KeyboardEvent<SVGGElement>, r: LaneRow) => {
    const i = keys.indexOf(rowKey(r));
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(keys.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = keys.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      choose(r);
      return;
    } else return;
    e.preventDefault();
    const key = keys[next];
    if (key === undefined) return;
    setFocusKey(key);
    bodyRef.current?.querySelector<SVGGElement>(`[data-row="${key}"]`)?.focus();
  };
  const choose = (r: LaneRow) => {
    setFocusKey(rowKey(r));
    if (r.kind === 'lane') select({ kind: 'cpu', id: r.cpu });
    else if (r.owner >= 0) select({ kind: 'kernel', id: r.owner });
  };

  // Every arrow in a few paths (halo, lines, heads): hundreds of arrows cost a handful of
  // elements. The selected and the hovered arrow are drawn again on top, with their description.
  const segs = arrowSegments(plan, x, layout.mid);
  const paths = arrowPaths(segs);
  const arrowsDrawn = segs.length;
  const bySeq = (seq: number | null) =>
    seq === null ? undefined : p.traffic.arrows.find((a) => a.seq === seq);
  const selArrow = bySeq(selMsg);
  const selSeg = selArrow
    ? arrowSegments({ mode: 'each', arrows: [selArrow] }, x, layout.mid)[0]
    : undefined;
  const hoverSeg =
    hover !== null && hover !== selMsg ? segs.find((s) => s.seq === hover) : undefined;
  const describeSeg = (s: ArrowSeg): string => {
    const a = bySeq(s.seq);
    if (s.count > 1) {
      return t('timeline.bundle', { count: s.count, cpu0: a?.cpu0 ?? '', cpu1: a?.cpu1 ?? '' });
    }
    return a ? arrowText(t, lang, view, a) : '';
  };
  const pointAt = (e: { clientX: number; clientY: number }): [number, number] => {
    const box = bodyRef.current?.getBoundingClientRect();
    return box ? [e.clientX - box.left, e.clientY - box.top] : [-1, -1];
  };
  const overlay = (s: ArrowSeg, cls: string) => {
    const one = arrowPaths([{ ...s, w: Math.max(s.w, 2.5) }], 7);
    return (
      <g className={cls} data-seq={s.seq} onClick={() => select({ kind: 'message', seq: s.seq })}>
        <title>{describeSeg(s)}</title>
        {one.lines.map((l) => (
          <path key={`h${l.w}`} className="tl-arrows-halo" d={l.d} strokeWidth={l.w + 4} />
        ))}
        {one.lines.map((l) => (
          <path key={`l${l.w}`} className="tl-arrows-line" d={l.d} strokeWidth={l.w} />
        ))}
        <path className="tl-arrows-head" d={one.heads} />
        <path className="tl-arrows-dot" d={one.dots} />
      </g>
    );
  };

  const tickAnchor = (tx: number) =>
    tx > x1 - 28 ? 'end' : tx < x0 + 28 ? 'start' : ('middle' as const);

  const clip = `${uid}-clip`;
  return (
    <div className="tl-diagram">
      <svg
        className="tl-head"
        width={width}
        height={AXIS_H + EVENTS_H}
        aria-hidden="true"
        data-testid="timeline-axis"
      >
        <text className="tl-colhead" x={8} y={16}>
          {t('cpus.heading')}
        </text>
        <text className="tl-colhead" x={8} y={AXIS_H + 20}>
          {t('timeline.events')}
        </text>
        <line className="tl-axis" x1={x0} x2={x1} y1={AXIS_H - 1} y2={AXIS_H - 1} />
        {ticks.map((k) => (
          <g key={k.offset}>
            <line className="tl-tick" x1={k.x} x2={k.x} y1={AXIS_H - 5} y2={AXIS_H + EVENTS_H} />
            <text className="tl-ticklabel" x={k.x} y={15} textAnchor={tickAnchor(k.x)}>
              {k.offset === 0 ? t('timeline.now') : formatNs(lang, k.offset)}
            </text>
          </g>
        ))}
        {nowX !== null ? (
          <line className="tl-now" x1={nowX} x2={nowX} y1={AXIS_H - 4} y2={AXIS_H + EVENTS_H} />
        ) : null}
        {p.marks.map((m, i) => (
          <path
            key={m.seq}
            className={`tl-mark tl-mark-${m.kind}${selKernel === m.kernel ? ' is-selected' : ''}`}
            d={markPath(m.kind, 12)}
            transform={`translate(${markXs[i] ?? 0},${AXIS_H + 9 + (slots[i] ?? 0) * 14})`}
            style={
              m.kind === 'state' || m.kind === 'claim' ? { fill: ownerColour(m.kernel) } : undefined
            }
            onClick={() => select({ kind: 'kernel', id: m.kernel })}
          >
            <title>{`${formatNs(lang, m.t)} · ${happeningText(t, view, m)}`}</title>
          </path>
        ))}
      </svg>
      <div className="tl-scroll" ref={scrollRef}>
        <svg
          ref={bodyRef}
          className="tl-body"
          width={width}
          height={layout.height + 4}
          role="group"
          aria-labelledby={p.captionId}
          data-testid="timeline"
          data-start={Math.round(win.start)}
          data-end={Math.round(win.end)}
        >
          <defs>
            <clipPath id={clip}>
              <rect x={x0} y={0} width={x1 - x0 + RIGHT_PAD} height={layout.height + 4} />
            </clipPath>
            <pattern
              id={`${uid}-hatch`}
              width={6}
              height={6}
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line className="tl-hatch" x1={0} y1={0} x2={0} y2={6} />
            </pattern>
          </defs>
          {ticks.map((k) => (
            <line key={k.offset} className="tl-grid" x1={k.x} x2={k.x} y1={0} y2={layout.height} />
          ))}
          {layout.rows.map((r) => {
            const key = rowKey(r);
            if (r.kind === 'group') {
              const count = groups.find((g) => g.owner === r.owner)?.cpus.length ?? 0;
              const name = ownerName(t, view, r.owner);
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
                  onFocus={() => setFocusKey(key)}
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
            const segs = p.segments.get(r.cpu) ?? [];
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
                  owner: ownerName(t, view, r.owner),
                  state: cpu ? t(`cpustate.${cpu.state}` as MessageKey) : '',
                })}
                onClick={() => choose(r)}
                onKeyDown={(e) => onRowKey(e, r)}
                onFocus={() => setFocusKey(key)}
              >
                <rect className="tl-lane-bg" x={0} y={r.y} width={width} height={r.h} />
                {selected ? (
                  <rect className="tl-selbar" x={0} y={r.y} width={4} height={r.h} />
                ) : null}
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
          <g clipPath={`url(#${clip})`}>
            {keptX !== null ? (
              <g className="tl-notkept">
                <rect x={x0} y={0} width={Math.max(0, keptX - x0)} height={layout.height}>
                  <title>{t('timeline.notKeptHint', { count: TRAFFIC_CAP })}</title>
                </rect>
                <line x1={keptX} x2={keptX} y1={0} y2={layout.height} />
              </g>
            ) : null}
            {p.cpuEvents.map((c) => {
              const y = layout.mid.get(c.cpu);
              if (y === undefined) return null;
              return (
                <path
                  key={c.seq}
                  className={`tl-cpuevent tl-cpuevent-${c.kind}`}
                  d={`M${x(c.t)},${y - laneH / 2 + 1}V${y + laneH / 2 - 1}`}
                >
                  <title>
                    {t(c.kind === 'boot' ? 'timeline.mark.boot' : 'timeline.mark.halt', {
                      cpu: c.cpu,
                      kernel: ownerName(t, view, c.owner),
                    })}
                  </title>
                </path>
              );
            })}
            <g className="tl-ipis">
              {ipis.map((b) => {
                const y = layout.mid.get(b.item.cpu);
                if (y === undefined) return null;
                return (
                  <path
                    key={`${b.item.cpu}-${b.item.seq}`}
                    className="tl-ipi"
                    d={`M${b.x},${y - laneH / 4}V${y + laneH / 4}`}
                  >
                    <title>
                      {b.count > 1
                        ? t('timeline.ipis', { count: b.count, cpu: b.item.cpu })
                        : t('timeline.ipi', {
                            from: ownerName(t, view, b.item.from),
                            to: ownerName(t, view, b.item.to),
                            cpu: b.item.cpu,
                          })}
                    </title>
                  </path>
                );
              })}
            </g>
            <g
              className="tl-arrows"
              data-testid="timeline-arrows"
              data-count={arrowsDrawn}
              data-mode={plan.mode}
              data-total={p.traffic.arrows.length}
              onPointerMove={(e) => {
                const [px, py] = pointAt(e);
                const seq = nearestArrow(segs, px, py)?.seq ?? null;
                if (seq !== hover) setHover(seq);
              }}
              onPointerLeave={() => setHover(null)}
              onClick={(e) => {
                const [px, py] = pointAt(e);
                const hit = nearestArrow(segs, px, py);
                if (hit) select({ kind: 'message', seq: hit.seq });
              }}
            >
              {paths.lines.map((l) => (
                <path key={`x${l.w}`} className="tl-arrows-hit" d={l.d} strokeWidth={l.w + 9} />
              ))}
              <path className="tl-arrows-hit" d={paths.dots} strokeWidth={8} />
              {plan.mode === 'each'
                ? paths.lines.map((l) => (
                    <path
                      key={`h${l.w}`}
                      className="tl-arrows-halo"
                      d={l.d}
                      strokeWidth={l.w + 3}
                    />
                  ))
                : null}
              {paths.lines.map((l) => (
                <path key={`l${l.w}`} className="tl-arrows-line" d={l.d} strokeWidth={l.w} />
              ))}
              <path className="tl-arrows-head" d={paths.heads} />
              <path className="tl-arrows-dot" d={paths.dots} />
              {hoverSeg ? overlay(hoverSeg, 'tl-arrow is-hover') : null}
              {selSeg ? overlay(selSeg, 'tl-arrow is-selected') : null}
            </g>
            {fates.map((b) => {
              const y = layout.mid.get(b.item.cpu);
              if (y === undefined) return null;
              const text = fateText(t, view, b.item);
              return (
                <g
                  key={b.item.seq}
                  className={`tl-fate${b.item.messageSeq === selMsg ? ' is-selected' : ''}`}
                  transform={`translate(${b.x},${y})`}
                  onClick={() => select({ kind: 'message', seq: b.item.messageSeq })}
                >
                  <title>{b.count > 1 ? `${text} (×${b.count})` : text}</title>
                  <circle className="tl-arrow-hit" r={6} />
                  <path className="tl-fate-halo" d="M-4,-4L4,4M-4,4L4,-4" />
                  <path className="tl-fate-x" d="M-4,-4L4,4M-4,4L4,-4" />
                </g>
              );
            })}
            {p.marks
              .filter((m) => m.severe)
              .map((m) => {
                const [ya, yb] = groupSpan(m.kernel);
                return (
                  <line key={m.seq} className="tl-severe" x1={x(m.t)} x2={x(m.t)} y1={ya} y2={yb} />
                );
              })}
          </g>
          {nowX !== null ? (
            <line className="tl-now" x1={nowX} x2={nowX} y1={0} y2={layout.height} />
          ) : null}
          <g className="tl-labels" aria-hidden="true">
            {layout.rows.map((r) => {
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
                    <tspan className="tl-group-name">{ownerName(t, view, r.owner)}</tspan>
                    {state ? <tspan className="tl-group-state">{` · ${state}`}</tspan> : null}
                    <tspan className="tl-group-count">{` · ${t('timeline.groupCount', { count })}`}</tspan>
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
    </div>
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
