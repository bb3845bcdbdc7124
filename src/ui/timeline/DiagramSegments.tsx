import type { CpuState } from '../../contract';
import { memo } from 'react';
import { ownerColour } from '../../viz/palette';
import type { LaneRow, LaneSegment } from '../../viz/timeline-lanes';
import type { LaneSpan } from '../../viz/timeline-window';

/** A lane's segment as drawn, in px from the span's start: plain numbers, compared by value. */
interface SegmentBox {
  readonly x: number;
  readonly w: number;
  readonly state: CpuState;
  readonly owner: number;
}

/**
 * The CPUs' state over time, every lane's segments in one layer under a transform. They are laid
 * out over a span that holds the window for several of its widths (laneSpan), in px from the
 * span's start: as the window slides, only the transform moves, and a lane is drawn again only
 * when its CPU changes state (a big machine has hundreds of lanes, each changed every frame when
 * they were laid out in the window's own x). Clipped to the plot up to now; pointer events pass
 * to the lanes' buttons below.
 */
export function DiagramSegments(props: {
  readonly rows: readonly LaneRow[];
  readonly segments: ReadonlyMap<number, readonly LaneSegment[]>;
  readonly span: LaneSpan;
  /** px per ns, and where the span's start falls on the plot (px). */
  readonly k: number;
  readonly offset: number;
  readonly clip: string;
  readonly hatch: string;
}) {
  const { span, k } = props;
  return (
    <g className="tl-segs" clipPath={`url(#${props.clip})`} aria-hidden="true">
      <g transform={`translate(${props.offset},0)`}>
        {props.rows.map((r) => {
          if (r.kind !== 'lane') return null;
          const segs = (props.segments.get(r.cpu) ?? []).map((s) => ({
            x: (s.start - span.start) * k,
            w: Math.max(0.5, (s.end - s.start) * k),
            state: s.state,
            owner: s.owner,
          }));
          return (
            <LaneSegments key={r.cpu} y={r.y + 2} h={r.h - 4} segs={segs} hatch={props.hatch} />
          );
        })}
      </g>
    </g>
  );
}

const LaneSegments = memo(function LaneSegments(p: {
  readonly y: number;
  readonly h: number;
  readonly segs: readonly SegmentBox[];
  readonly hatch: string;
}) {
  // Keyed by place: a segment that ends shifts the rest, nothing is rebuilt.
  return (
    <>
      {p.segs.map((s, i) => (
        <Segment key={i} s={s} y={p.y} h={p.h} hatch={p.hatch} />
      ))}
    </>
  );
}, sameLane);

/** Props equal, the segments compared by value (the parent lays them out again each frame). */
function sameLane<T extends { readonly segs: readonly SegmentBox[] }>(a: T, b: T): boolean {
  for (const k of Object.keys(a) as (keyof T)[]) if (k !== 'segs' && a[k] !== b[k]) return false;
  if (a.segs.length !== b.segs.length) return false;
  return a.segs.every((s, i) => {
    const o = b.segs[i] as SegmentBox;
    return s.x === o.x && s.w === o.w && s.state === o.state && s.owner === o.owner;
  });
}

function Segment(props: { s: SegmentBox; y: number; h: number; hatch: string }) {
  const { s, y, h } = props;
  const colour = s.state === 'halted' ? 'var(--danger)' : ownerColour(s.owner);
  return (
    <>
      <rect
        className={`tl-seg tl-seg-${s.state}`}
        x={s.x}
        y={y}
        width={s.w}
        height={h}
        style={{ fill: s.state === 'offline' ? undefined : colour, stroke: colour }}
      />
      {s.state === 'parked' || s.state === 'halted' ? (
        <rect className="tl-seg-hatch" x={s.x} y={y} width={s.w} height={h} fill={props.hatch} />
      ) : null}
    </>
  );
}
