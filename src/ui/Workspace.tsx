import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { lessonStore } from '../store/lesson-store';
import { EventLog } from './EventLog';
import { useT } from './hooks';
import { Inspector } from './inspector/Inspector';
import { LessonPanel } from './lessons/LessonPanel';
import { useStepDock, type DockPanel } from './lessons/step-dock';
import { MachineView, TwinView } from './machine/MachineView';
import { PlaybackControls } from './PlaybackControls';
import { Later, LaterBox, STAGE, useStagesStart } from './Later';
import { LazyPart } from './lazy-part';
import { TableView } from './TableView';
import './lesson-screen.css';

/**
 * The playback bar and the machine appear with the first frame; the other parts follow in their
 * boxes, a display frame apart, each in a task of its own (Later), in the order of their place on
 * the screen: nothing already drawn moves when one arrives (no layout shift). In a lesson, the
 * first screen is the lesson's: the playback bar, the machine, the step (with the inspector) and
 * the panels the step needs, fitted to the window so nothing the step asks for is below the fold
 * (issue 12).
 */
export function Workspace({
  twin,
  viewMode,
}: {
  readonly twin: boolean;
  readonly viewMode: 'visual' | 'table';
}) {
  const t = useT();
  const inLesson = useStore(lessonStore, (s) => s.slug !== null);
  const dock = useStepDock();
  useStagesStart();
  const stage = (
    <section id="stage" className="stage" aria-label={t('stage.label')} tabIndex={-1}>
      <div className={twin ? 'stage-pair' : undefined}>
        {twin ? <TwinView /> : null}
        {viewMode === 'visual' ? <MachineView /> : <TableView />}
      </div>
    </section>
  );
  // A docked panel is on the lesson's first screen: it comes with the step's other parts.
  const docked = (p: DockPanel) => (inLesson && dock.includes(p) ? STAGE.dock : STAGE[p]);
  const panel = (p: DockPanel, label: string) => (
    <LazyPart key={p} part={p} at={docked(p)} className={`${p}-area`} label={label} />
  );
  const panels: Record<DockPanel, ReactNode> = {
    timeline: panel('timeline', t('timeline.label')),
    metrics: panel('metrics', t('metrics.label')),
    shell: panel('shell', t('shell.area')),
  };
  const sandbox = (
    <LazyPart
      part="sandbox"
      at={STAGE.sandbox}
      className="sandbox-area"
      label={t('sandbox.label')}
    />
  );
  if (!inLesson) {
    return (
      <>
        <PlaybackControls />
        {stage}
        {/* On a phone the side column is below the machine, two screens down. */}
        <LaterBox at={STAGE.inspector} className="side" side>
          <Inspector />
          <Later at={STAGE.log}>
            <EventLog />
          </Later>
        </LaterBox>
        {panels.timeline}
        {panels.metrics}
        {panels.shell}
        {sandbox}
      </>
    );
  }
  const rest = (['timeline', 'metrics', 'shell'] as const).filter((p) => !dock.includes(p));
  return (
    <>
      <LessonScreen docked={dock.length}>
        <PlaybackControls />
        {stage}
        <aside className="side">
          <Later at={STAGE.step}>
            <LessonPanel />
          </Later>
          <Later at={STAGE.inspector}>
            <Inspector />
          </Later>
        </aside>
        {dock.length > 0 ? (
          <div className="ls-dock" data-testid="lesson-dock" data-dock={dock.join(' ')}>
            {dock.map((p) => panels[p])}
          </div>
        ) : null}
      </LessonScreen>
      <LaterBox at={STAGE.log} className="log-area">
        <EventLog />
      </LaterBox>
      {rest.map((p) => panels[p])}
      {sandbox}
    </>
  );
}

/** Where the lesson's one screen is a grid as tall as the window (lesson-screen.css). */
const WIDE_SCREEN = '(min-width: 1100px)';

/** The lesson's one screen: as tall as the window below the page's header and status line. */
function LessonScreen({
  docked,
  children,
}: {
  readonly docked: number;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Only the wide layout is one screen tall (lesson-screen.css); narrower, the page scrolls and
    // nothing is measured. Measured when the observer first reports (after the browser's own
    // layout, before the paint), not here: reading the top in the commit forced the whole new
    // page's layout inside it (issue 14: ≈ 100 ms of one task at 1280 px, ≈ 300 ms at 4× slower).
    const wide = window.matchMedia(WIDE_SCREEN);
    const place = () => {
      if (!wide.matches) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty('--ls-top', `${Math.round(top)}px`);
    };
    wide.addEventListener('change', place);
    const seen = new ResizeObserver(place);
    const main = el.parentElement;
    if (main?.previousElementSibling) seen.observe(main.previousElementSibling);
    if (el.previousElementSibling) seen.observe(el.previousElementSibling);
    return () => {
      seen.disconnect();
      wide.removeEventListener('change', place);
    };
  }, []);
  return (
    <div ref={ref} className="lesson-screen" data-testid="lesson-screen" data-docked={docked}>
      {children}
    </div>
  );
}
