import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../i18n';
import { setListOpen } from '../store/lesson-store';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { startStore } from '../store/start-store';
import { readClassRoute } from '../features/class/class-route';
import { enterPresenterMode, presenterStore } from '../features/presenter/presenter-store';
import { simStore } from '../store/sim-store';
import { AboutButton } from './about/AboutButton';
import { EventLog } from './EventLog';
import { formatNs } from './format';
import { useLang, useT } from './hooks';
import { Inspector } from './inspector/Inspector';
import { useKeys } from './keys';
import { KeysOverlay } from './KeysOverlay';
import { LanguageSwitch } from './LanguageSwitch';
import { GlossaryDialog } from './lessons/GlossaryDialog';
import { LessonList } from './lessons/LessonList';
import { LessonPanel } from './lessons/LessonPanel';
import { MachineView, TwinView } from './machine/MachineView';
import { Metrics } from './metrics/Metrics';
import { PlaybackControls } from './PlaybackControls';
import { LessonNotice } from './lessons/LessonNotice';
import { StatusBanner } from './StatusBanner';
import { LinkNotice } from '../features/sharing/LinkNotice';
import { ShareButton } from '../features/sharing/ShareButton';
import { TableView } from './TableView';
import { ThemeSwitch } from './ThemeSwitch';
import { Timeline } from './timeline/Timeline';
import './main-screen.css';

/**
 * The shell and the sandbox sit last on the page: their code loads after the first paint. Not
 * `lazy()`: React renders a lazy part's arrival at a priority that never expires and that every
 * frame's update interrupts; a big machine's frames kept it from finishing, and the shell and the
 * sandbox never appeared (while the page built and threw away their elements every frame).
 * A state set when the code is there renders at once.
 */
function useWorkbench(): ReactElement | null {
  const [loaded, setLoaded] = useState<{ readonly workbench: () => ReactElement } | null>(null);
  useEffect(() => {
    let live = true;
    void import('./Workbench').then((m) => {
      if (live) setLoaded({ workbench: m.workbench });
    });
    return () => {
      live = false;
    };
  }, []);
  return loaded ? loaded.workbench() : null;
}
/** Presenter mode's toolbar and notes: loaded only when a window presents. */
const PresenterBar = lazy(() => import('../features/presenter/PresenterBar'));
/** A student's class bar (`?class`): loaded only when the page was opened to join a class. */
const ClassBar = lazy(() => import('../features/class/ClassBar'));
const classRoute = readClassRoute(location.search, location.hash);

/** The main screen: the machine, its timeline and metrics, the inspector, the log, the sandbox. */
export function MainScreen({ onLang }: { readonly onLang: (lang: Lang) => void }) {
  const t = useT();
  const lang = useLang();
  const viewMode = useStore(prefsStore, (s) => s.viewMode);
  const twin = useStore(startStore, (s) => s.spec.twin ?? false);
  const fork = useStore(simStore, (s) => s.fork);
  const ready = useStore(simStore, (s) => s.view !== null);
  const rejected = useStore(simStore, (s) => s.rejected);
  const presenting = useStore(presenterStore, (s) => s.mode === 'presenter');
  useKeys(() => onLang(lang === 'en' ? 'es' : 'en'));
  const lastRejected = rejected[rejected.length - 1];
  return (
    <>
      <a className="skip" href="#stage">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="top-tools">
          <fieldset className="segmented">
            <legend className="sr-only">{t('view.mode')}</legend>
            <button
              type="button"
              aria-pressed={viewMode === 'visual'}
              onClick={() => setPrefs({ viewMode: 'visual' })}
            >
              {t('view.visual')}
            </button>
            <button
              type="button"
              aria-pressed={viewMode === 'table'}
              data-testid="view-table"
              onClick={() => setPrefs({ viewMode: 'table' })}
            >
              {t('view.table')}
            </button>
          </fieldset>
          <LanguageSwitch onChange={onLang} />
          <ThemeSwitch />
          <button
            type="button"
            aria-haspopup="dialog"
            data-testid="lessons-open"
            onClick={() => setListOpen(true)}
          >
            {t('lessons.open')}
          </button>
          <ShareButton />
          <button type="button" aria-haspopup="dialog" onClick={() => setPrefs({ keysOpen: true })}>
            {t('keys.open')}
          </button>
          <AboutButton />
          {presenting ? null : (
            <button type="button" data-testid="present" onClick={enterPresenterMode}>
              {t('presenter.enter')}
            </button>
          )}
        </div>
      </header>
      {presenting ? (
        <Suspense fallback={null}>
          <PresenterBar />
        </Suspense>
      ) : null}
      {classRoute.mode === 'student' ? (
        <Suspense fallback={null}>
          <ClassBar code={classRoute.code} />
        </Suspense>
      ) : null}
      <main className="workspace">
        <div className="status-row">
          <StatusBanner />
          <LessonNotice />
          <LinkNotice />
          {fork ? (
            <p className="notice" role="status" data-testid="fork-notice">
              {t('fork.notice', { time: formatNs(lang, fork.atNs), count: fork.dropped })}
            </p>
          ) : null}
          {lastRejected && !lastRejected.result.ok ? (
            <p className="notice" data-testid="rejected-notice">
              {t('rejected.notice', { message: lastRejected.result.message })}
            </p>
          ) : null}
        </div>
        {ready ? <Workspace twin={twin} viewMode={viewMode} /> : null}
      </main>
      <KeysOverlay />
      <LessonList />
      <GlossaryDialog />
    </>
  );
}

/**
 * Everything below the status line appears at once, with the first frame: nothing already on
 * screen moves when the machine arrives (no layout shift).
 */
function Workspace({
  twin,
  viewMode,
}: {
  readonly twin: boolean;
  readonly viewMode: 'visual' | 'table';
}) {
  const t = useT();
  const workbench = useWorkbench();
  return (
    <>
      <PlaybackControls />
      <section id="stage" className="stage" aria-label={t('stage.label')} tabIndex={-1}>
        <div className={twin ? 'stage-pair' : undefined}>
          {twin ? <TwinView /> : null}
          {viewMode === 'visual' ? <MachineView /> : <TableView />}
        </div>
      </section>
      <aside className="side">
        <LessonPanel />
        <Inspector />
        <EventLog />
      </aside>
      <section className="timeline-area" aria-label={t('timeline.label')}>
        <Timeline />
      </section>
      <section className="metrics-area" aria-label={t('metrics.label')}>
        <Metrics />
      </section>
      {workbench}
    </>
  );
}
