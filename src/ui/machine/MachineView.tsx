import type { MachineView as MachineSnapshot } from '../../contract';
import './machine.css';
import { useId, useMemo, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../i18n';
import { prefsStore } from '../../store/prefs-store';
import { startStore } from '../../store/start-store';
import { select, selectionStore } from '../../store/selection-store';
import { simStore } from '../../store/sim-store';
import { layoutMachine, MARGIN } from '../../viz/machine-layout';
import type { LayoutSpec } from '../../viz/machine-types';
import { useLang, useT } from '../hooks';
import { CpuCells } from './CpuCells';
import { Defs } from './Defs';
import { GroupChips } from './GroupChips';
import { DotCanvas } from './DotCanvas';
import { dotAt, IpiArrows, IpiMarks, useIpiScene } from './IpiLayer';
import { GroupFrames, GroupHeads } from './KernelGroups';
import { buildSpec, orderedInstances, stateText, type Translate } from './machine-spec';
import { MemoryMap } from './MemoryMap';
import { useWidth } from '../use-width';
import { hlAttrs, useHighlighted } from '../lessons/highlights';
import { TwinPanicButton } from '../lessons/TwinPanicButton';

/** Before the first measurement: a width that suits most screens, replaced within a frame. */
const FALLBACK_WIDTH = 720;

function summaryOf(view: MachineSnapshot, t: Translate): string {
  const kernels = orderedInstances(view)
    .map((i) =>
      t('machine.summary.kernel', { name: i.name, state: stateText(t, i), cpus: i.cpus.length }),
    )
    .join(', ');
  return t('machine.summary', { cpus: view.cpus.length, kernels, pool: view.pool.cpus.length });
}

interface DrawingProps {
  readonly view: MachineSnapshot | null;
  readonly interactive: boolean;
  readonly testPrefix: string;
  readonly waiting: string;
}

/** The machine drawn as SVG, laid out for its container's width (measured, then passed on). */
function MachineDrawing({ view, interactive, testPrefix, waiting }: DrawingProps) {
  const t = useT();
  const lang: Lang = useLang();
  const [measure, measured] = useWidth();
  // Drawn 1:1 (a 12 px label is 12 px on screen), with a margin for focus and selection rings.
  const width = (measured || FALLBACK_WIDTH) - 2 * MARGIN;
  const reduced = useStore(prefsStore, (s) => s.reducedMotion);
  const selected = useStore(selectionStore, (s) => s.selected);
  const prefix = `mk${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  // The spec changes only when the machine's shape does; its JSON keys the layout's memo.
  const specJson = view ? JSON.stringify(buildSpec(view, t, lang)) : '';
  const layout = useMemo(
    () => (specJson ? layoutMachine(JSON.parse(specJson) as LayoutSpec, width) : null),
    [specJson, width],
  );
  const scene = useIpiScene(layout, interactive);
  const now = useStore(simStore, (s) => s.t);
  const highlighted = useHighlighted();
  if (!view || !layout) {
    return (
      <div ref={measure} className="mk-measure">
        <p className="mk-waiting">{waiting}</p>
      </div>
    );
  }
  const summary = summaryOf(view, t);
  // Lesson highlights mark the main machine only (the twin is highlighted as a whole).
  const common = {
    view,
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
    if (!scene || scene.dots.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const k = fullW / Math.max(1, box.width);
    const hit = dotAt(scene.dots, {
      x: (e.clientX - box.left) * k - MARGIN,
      y: (e.clientY - box.top) * k - MARGIN,
    });
    if (!hit) return;
    e.stopPropagation();
    select({ kind: 'message', seq: hit.seq });
  };
  const selectedSeq = selected?.kind === 'message' ? selected.seq : -1;
  return (
    <div ref={measure} className="mk-measure" onClickCapture={onClickCapture}>
      <svg
        className={reduced ? 'mk-svg mk-reduced' : 'mk-svg'}
        data-testid={`${testPrefix}machine-view`}
        viewBox={`${-MARGIN} ${-MARGIN} ${fullW} ${fullH}`}
        width={fullW}
        height={fullH}
        role={interactive ? 'group' : 'img'}
        aria-label={summary}
      >
        <title>{summary}</title>
        <Defs prefix={prefix} />
        <GroupFrames {...common} groups={layout.groups} lang={lang} prefix={prefix} />
        {scene ? <IpiArrows scene={scene} prefix={prefix} /> : null}
        <GroupHeads {...common} groups={layout.groups} lang={lang} prefix={prefix} />
        <GroupChips {...common} groups={layout.groups} />
        <CpuCells {...common} cells={layout.cells} prefix={prefix} />
        <MemoryMap
          view={view}
          layout={layout.memory}
          t={t}
          lang={lang}
          prefix={prefix}
          testPrefix={testPrefix}
          hl={common.hl}
        />
        {scene ? <IpiMarks scene={scene} width={layout.width} /> : null}
      </svg>
      {scene ? (
        <DotCanvas
          dots={scene.dots}
          now={now}
          selected={selectedSeq}
          width={fullW}
          height={fullH}
          margin={MARGIN}
        />
      ) : null}
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
  const view = useStore(simStore, (s) => s.view);
  const twin = useStore(startStore, (s) => s.spec.twin ?? false);
  return (
    <figure className="mk-figure">
      {twin ? (
        <figcaption className="mk-caption">
          <h2>{t('machine.title')}</h2>
        </figcaption>
      ) : null}
      <MachineDrawing view={view} interactive testPrefix="" waiting={t('machine.waiting')} />
    </figure>
  );
}

/** The monolithic twin beside the machine: one kernel owning every CPU, so a panic stops all. */
export function TwinView() {
  const t = useT();
  const view = useStore(simStore, (s) => s.twin);
  const highlighted = useHighlighted();
  return (
    <figure
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
        interactive={false}
        testPrefix="twin-"
        waiting={t('machine.twin.waiting')}
      />
    </figure>
  );
}
