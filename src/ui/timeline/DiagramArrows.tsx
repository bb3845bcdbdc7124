import type { MachineView } from '../../contract';
import { useState, type RefObject } from 'react';
import { select } from '../../store/selection-store';
import {
  arrowPaths,
  arrowSegments,
  nearestArrow,
  type ArrowSeg,
} from '../../viz/timeline-arrow-paths';
import type { Traffic } from '../../viz/timeline-arrows';
import type { ArrowPlan } from '../../viz/timeline-bundles';
import { useLang, useT } from '../hooks';
import { arrowText } from './describe';
import './diagram-arrows.css';

/**
 * The message arrows over the lanes, with hover and click picking. Every arrow goes in a few paths
 * (halo, lines, heads): hundreds of arrows cost a handful of elements. The selected and the
 * hovered arrow are drawn again on top, with their description.
 */
export function DiagramArrows(props: {
  readonly view: MachineView;
  readonly arrows: Traffic['arrows'];
  readonly plan: ArrowPlan;
  readonly x: (t: number) => number;
  readonly mid: ReadonlyMap<number, number>;
  readonly selMsg: number | null;
  /** The lanes' svg, whose box pointer positions are measured against. */
  readonly bodyRef: RefObject<SVGSVGElement | null>;
}) {
  const t = useT();
  const lang = useLang();
  const { view, plan, x, selMsg, bodyRef } = props;
  const [hover, setHover] = useState<number | null>(null);
  const segs = arrowSegments(plan, x, props.mid);
  const paths = arrowPaths(segs);
  const arrowsDrawn = segs.length;
  const bySeq = (seq: number | null) =>
    seq === null ? undefined : props.arrows.find((a) => a.seq === seq);
  const selArrow = bySeq(selMsg);
  const selSeg = selArrow
    ? arrowSegments({ mode: 'each', arrows: [selArrow] }, x, props.mid)[0]
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
      <g
        className={cls}
        data-seq={s.seq}
        data-select-kind="message"
        onClick={() => select({ kind: 'message', seq: s.seq })}
      >
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

  return (
    <g
      className="tl-arrows"
      data-testid="timeline-arrows"
      data-count={arrowsDrawn}
      data-mode={plan.mode}
      data-total={props.arrows.length}
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
            <path key={`h${l.w}`} className="tl-arrows-halo" d={l.d} strokeWidth={l.w + 3} />
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
  );
}
