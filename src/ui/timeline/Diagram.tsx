import type { MachineView } from '../../contract';
import { useId, useMemo, useRef } from 'react';
import type { MessageKey } from '../../i18n';
import { select, type Selection } from '../../store/selection-store';
import { TRAFFIC_CAP } from '../../store/sim-store';
import type { Traffic } from '../../viz/timeline-arrows';
import { binByColumn, planArrows } from '../../viz/timeline-bundles';
import {
  groupLanes,
  laneHeight,
  layoutLanes,
  type CpuEvent,
  type LaneRow,
  type LaneSegment,
} from '../../viz/timeline-lanes';
import { stackMarks, type HappeningMark } from '../../viz/timeline-marks';
import { timeScale, timeTicks, type LaneSpan, type TimeWindow } from '../../viz/timeline-window';
import { useT } from '../hooks';
import { ownerName } from '../owner-name';
import { fateText } from './describe';
import { DiagramArrows } from './DiagramArrows';
import { DiagramAxis } from './DiagramAxis';
import { DiagramGroupLabels } from './DiagramGroupLabels';
import { DiagramRows } from './DiagramRows';
import { DiagramSegments } from './DiagramSegments';
import { HEADER_H, RIGHT_PAD, plotLeft } from './diagram-metrics';
import { useWidth } from '../use-width';
import { useRowFocus } from './use-row-focus';
import './diagram.css';
import './diagram-marks.css';

export interface DiagramProps {
  readonly view: MachineView;
  readonly win: TimeWindow;
  /** What the segments are laid out over (laneSpan). */
  readonly span: LaneSpan;
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

/** The space-time diagram itself: axis and event row on top, lanes and arrows below. */
export function Diagram(p: DiagramProps) {
  const t = useT();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const bodyRef = useRef<SVGSVGElement>(null);

  // The lanes' box, less its scrollbar when a big machine makes it scroll.
  const [scrollRef, inner] = useWidth();
  const { view, win, now } = p;
  const width = inner > 0 ? Math.min(inner, p.width) : p.width;
  const x0 = plotLeft(width);
  const x1 = Math.max(x0 + 40, width - RIGHT_PAD);
  const x = timeScale(win, x0, x1);
  // Lanes regroup only when a CPU changes hands: keyed by who owns what, not by the frame's view
  // (a new object every frame), so the rows and their memoised parts hold between frames.
  const owners = view.cpus.map((c) => `${c.id}:${c.owner}`).join(',');
  const groups = useMemo(() => groupLanes(parseOwners(owners)), [owners]);
  const laneH = laneHeight(view.cpus.length);
  const layout = useMemo(() => layoutLanes(groups, laneH, HEADER_H), [groups, laneH]);
  const ticks = timeTicks(win, now, x0, x1);
  const nowX = now >= win.start && now <= win.end ? x(now) : null;
  const k = (x1 - x0) / Math.max(1, win.end - win.start);
  const segEnd = x(Math.min(now, win.end));
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

  const { active, choose, onRowKey, setFocusKey } = useRowFocus(layout.rows, bodyRef);

  const clip = `${uid}-clip`;
  return (
    <div className="tl-diagram">
      <DiagramAxis
        view={view}
        width={width}
        x0={x0}
        x1={x1}
        ticks={ticks}
        nowX={nowX}
        marks={p.marks}
        markXs={markXs}
        slots={slots}
        selKernel={selKernel}
      />
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
            {/* The lanes end at now (or the window's end): what lies after is not known yet. */}
            <clipPath id={`${uid}-segclip`}>
              <rect x={x0} y={0} width={Math.max(0, segEnd - x0)} height={layout.height + 4} />
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
          <DiagramRows
            view={view}
            rows={layout.rows}
            groups={groups}
            stateWord={stateWord}
            width={width}
            x0={x0}
            selKernel={selKernel}
            selCpu={selCpu}
            active={active}
            choose={choose}
            onRowKey={onRowKey}
            onRowFocus={setFocusKey}
          />
          <DiagramSegments
            rows={layout.rows}
            segments={p.segments}
            span={p.span}
            k={k}
            offset={x(p.span.start)}
            clip={`${uid}-segclip`}
            hatch={`url(#${uid}-hatch)`}
          />
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
                      kernel: ownerName(c.owner, view.instances, t('cpus.pool')),
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
                            from: ownerName(b.item.from, view.instances, t('cpus.pool')),
                            to: ownerName(b.item.to, view.instances, t('cpus.pool')),
                            cpu: b.item.cpu,
                          })}
                    </title>
                  </path>
                );
              })}
            </g>
            <DiagramArrows
              view={view}
              arrows={p.traffic.arrows}
              plan={plan}
              x={x}
              mid={layout.mid}
              selMsg={selMsg}
              bodyRef={bodyRef}
            />
            {fates.map((b) => {
              const y = layout.mid.get(b.item.cpu);
              if (y === undefined) return null;
              const text = fateText(t, view, b.item);
              return (
                <g
                  key={b.item.seq}
                  className={`tl-fate${b.item.messageSeq === selMsg ? ' is-selected' : ''}`}
                  transform={`translate(${b.x},${y})`}
                  data-select-kind="message"
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
          <DiagramGroupLabels
            view={view}
            rows={layout.rows}
            groups={groups}
            stateWord={stateWord}
          />
        </svg>
      </div>
    </div>
  );
}

/** The CPUs' owners back from their key (`id:owner,…`). */
function parseOwners(owners: string): { id: number; owner: number }[] {
  if (!owners) return [];
  return owners.split(',').map((pair) => {
    const [id = 0, owner = 0] = pair.split(':').map(Number);
    return { id, owner };
  });
}
