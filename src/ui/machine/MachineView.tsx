import type { MachineView as MachineSnapshot } from '../../contract';
import './machine.css';
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../i18n';
import { prefsStore } from '../../store/prefs-store';
import { startStore } from '../../store/start-store';
import { select, selectionStore } from '../../store/selection-store';
import type { Dot } from '../../viz/machine-ipi';
import { layoutMachine, MARGIN } from '../../viz/machine-layout';
import { useLang, useT } from '../hooks';
import { CpuCells } from './CpuCells';
import { Defs } from './Defs';
import { GroupChips } from './GroupChips';
import { DotCanvas } from './DotCanvas';
import { dotAt, IpiArrows, IpiMarks, useIpiScene } from './IpiLayer';
import { GroupFrames, GroupHeads } from './KernelGroups';
import { LiveMarks } from './LiveMarks';
import {
  buildSpec,
  orderedInstances,
  shapeOf,
  stateText,
  type MachineShape,
  type Translate,
} from './machine-spec';
import { MemoryMap } from './MemoryMap';
import { useWidth } from '../use-width';
import { PLAYING_MS, useOnScreen, useSimWhileSeen } from '../use-sim-while-seen';
import { hlAttrs, useHighlighted } from '../lessons/highlights';
import { TwinPanicButton } from '../lessons/TwinPanicButton';

/** Before the first measurement: a width that suits most screens, replaced within a frame. */
const FALLBACK_WIDTH = 720;

function summaryOf(view: MachineShape, t: Translate): string {
  const kernels = orderedInstances(view)
    .map((i) =>
      t('machine.summary.kernel', { name: i.name, state: stateText(t, i), cpus: i.cpus.length }),
    )
    .join(', ');
  return t('machine.summary', { cpus: view.cpus.length, kernels, pool: view.pool.cpus.length });
}

interface DrawingProps {
  readonly view: MachineSnapshot | null;
  /** The simulation clock of the frame the view is from. */
  readonly now: number;
  readonly interactive: boolean;
  readonly testPrefix: string;
  readonly waiting: string;
}

/** The machine drawn as SVG, laid out for its container's width (measured, then passed on). */
export function MachineDrawing({ view, now, interactive, testPrefix, waiting }: DrawingProps) {
  const t = useT();
  const lang: Lang = useLang();
  const [measure, measured] = useWidth();
  // Drawn 1:1 (a 12 px label is 12 px on screen), with a margin for focus and selection rings.
  const width = (measured || FALLBACK_WIDTH) - 2 * MARGIN;
  const reduced = useStore(prefsStore, (s) => s.reducedMotion);
  const selected = useStore(selectionStore, (s) => s.selected);
  const prefix = `mk${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  // Every frame brings a new view; its shape (who owns what, names, states) rarely changes. Its
  // JSON keys the shape, and the layout and the parts drawn from the shape alone keep theirs.
  const shapeKey = view ? JSON.stringify(shapeOf(view)) : '';
  const shape = useMemo(
    () => (shapeKey ? (JSON.parse(shapeKey) as MachineShape) : null),
    [shapeKey],
  );
  const layout = useMemo(
    () => (shape ? layoutMachine(buildSpec(shape, t, lang), width) : null),
    [shape, t, lang, width],
  );
  const summary = useMemo(() => (shape ? summaryOf(shape, t) : ''), [shape, t]);
  // Parts glide to a new place when the machine changes shape (useGlide), not when the page
  // changes width; their sizes and the busy dots follow by CSS transitions, which a new width
  // would start everywhere at once (the first measurement, a resize: on a big machine hundreds,
  // holding the page's thread for their whole length). So the drawing is held still (`mk-still`,
  // given with the new sizes) until the browser has drawn them.
  const [settled, setSettled] = useState(width);
  const resizing = settled !== width;
  useEffect(() => {
    if (!resizing) return;
    // Two frames on: a frame's callbacks run before it computes styles, so one frame on would
    // take the class off before the browser saw the new sizes with it.
    let later = requestAnimationFrame(() => {
      later = requestAnimationFrame(() => setSettled(width));
    });
    return () => cancelAnimationFrame(later);
  }, [resizing, width]);
  const { scene, geo, speed } = useIpiScene(layout, interactive, now);
  const drawnDots = useRef<readonly Dot[]>([]);
  const highlighted = useHighlighted();
  if (!view || !shape || !layout) {
    return (
      <div ref={measure} className="mk-measure">
        <p className="mk-waiting">{waiting}</p>
      </div>
    );
  }
  // Lesson highlights mark the main machine only (the twin is highlighted as a whole).
  const common = {
    t,
    selected,
    interactive,
    testPrefix,
    hl: interactive ? highlighted : null,
  };
  const fullW = layout.width + 2 * MARGIN;
  const fullH = layout.height + 2 * MARGIN;
  // A click on a message dot (drawn on the canvas above) selects the message, not what is under it.
  const onClickCapture = (e: MouseEvent<HTMLDivElement>) => {
    if (drawnDots.current.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const k = fullW / Math.max(1, box.width);
    const hit = dotAt(drawnDots.current, {
      x: (e.clientX - box.left) * k - MARGIN,
      y: (e.clientY - box.top) * k - MARGIN,
    });
    if (!hit) return;
    e.stopPropagation();
    select({ kind: 'message', seq: hit.seq });
  };
  const selectedSeq = selected?.kind === 'message' ? selected.seq : -1;
  // Layers, bottom to top, each its own SVG of the same size: the browser paints again only a
  // layer whose content changed, so what changes every frame (traffic, ring levels, busy CPUs) is
  // kept apart from the thousands of elements that change when the machine's shape does.
  const layer = {
    className: 'mk-svg mk-layer',
    viewBox: `${-MARGIN} ${-MARGIN} ${fullW} ${fullH}`,
    width: fullW,
    height: fullH,
    'aria-hidden': true,
  } as const;
  return (
    <div
      ref={measure}
      className={`mk-measure${reduced ? ' mk-reduced' : ''}${resizing ? ' mk-still' : ''}`}
      // Laid out for its measured width, not the fallback (the width arrives in a transition):
      // a still picture waits for it.
      data-measured={measured > 0 ? 'yes' : undefined}
      onClickCapture={onClickCapture}
    >
      <svg {...layer}>
        <Defs prefix={prefix} />
        <GroupFrames shape={shape} groups={layout.groups} prefix={prefix} />
      </svg>
      {scene && scene.arrows.length > 0 ? (
        <svg {...layer}>
          <IpiArrows scene={scene} prefix={prefix} />
        </svg>
      ) : null}
      <svg
        className="mk-svg mk-main"
        data-testid={`${testPrefix}machine-view`}
        viewBox={layer.viewBox}
        width={fullW}
        height={fullH}
        role={interactive ? 'group' : 'img'}
        aria-label={summary}
      >
        <title>{summary}</title>
        <GroupHeads {...common} view={view} shape={shape} groups={layout.groups} lang={lang} />
        <GroupChips {...common} shape={shape} groups={layout.groups} />
        <CpuCells {...common} view={view} shape={shape} cells={layout.cells} prefix={prefix} />
        <MemoryMap
          shape={shape}
          layout={layout.memory}
          t={t}
          lang={lang}
          prefix={prefix}
          testPrefix={testPrefix}
          hl={common.hl}
          interactive={interactive}
          selected={selected?.kind === 'memory'}
        />
      </svg>
      <svg {...layer}>
        <LiveMarks view={view} shape={shape} groups={layout.groups} cells={layout.cells} t={t} />
      </svg>
      {scene ? (
        <svg {...layer}>
          <IpiMarks scene={scene} width={layout.width} />
        </svg>
      ) : null}
      <DotCanvas
        // Not at the guessed width: its tiles would be thrown away with that first drawing, and
        // a page's first tiles are its dearest (new canvases: 40–55 ms for 81 dots at a phone's
        // load, issue 14). The dots follow the drawing at its measured width.
        geo={measured > 0 ? geo : null}
        speed={speed}
        selected={selectedSeq}
        width={fullW}
        height={fullH}
        margin={MARGIN}
        drawn={drawnDots}
      />
    </div>
  );
}

/**
 * The machine view (DESIGN §5): kernels as outlined groups with their CPUs, processes, ring and
 * devices; the pool; the memory map; IPIs in flight. Click or press a CPU, kernel, process,
 * device or message to inspect it.
 */
export function MachineView() {
  const t = useT();
  // Playing, it follows the machine at most every PLAYING_MS (the dots, every frame); scrolled out
  // of view (a big machine's timeline is far below it), twice a second.
  const [seenRef, seen] = useOnScreen();
  const { view, t: now } = useSimWhileSeen(seen, PLAYING_MS);
  const twin = useStore(startStore, (s) => s.spec.twin ?? false);
  return (
    <figure ref={seenRef} className="mk-figure">
      {twin ? (
        <figcaption className="mk-caption">
          <h2>{t('machine.title')}</h2>
        </figcaption>
      ) : null}
      <MachineDrawing
        view={view}
        now={now}
        interactive
        testPrefix=""
        waiting={t('machine.waiting')}
      />
    </figure>
  );
}

/** The monolithic twin beside the machine: one kernel owning every CPU, so a panic stops all. */
export function TwinView() {
  const t = useT();
  const [seenRef, seen] = useOnScreen();
  const { twin: view, t: now } = useSimWhileSeen(seen, PLAYING_MS);
  const highlighted = useHighlighted();
  return (
    <figure
      ref={seenRef}
      className="mk-figure"
      aria-label={t('machine.twin.label')}
      {...hlAttrs('twin', highlighted)}
    >
      <figcaption className="mk-caption">
        <h2>{t('machine.twin.title')}</h2>
        <p>{t('machine.twin.subtitle')}</p>
        <TwinPanicButton view={view} />
      </figcaption>
      <MachineDrawing
        view={view}
        now={now}
        interactive={false}
        testPrefix="twin-"
        waiting={t('machine.twin.waiting')}
      />
    </figure>
  );
}
