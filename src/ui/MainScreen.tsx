import { lazy, Suspense, useDeferredValue } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../i18n';
import { lessonStore, setListOpen } from '../store/lesson-store';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { startStore } from '../store/start-store';
import { readClassRoute } from '../features/class/class-route';
import { enterPresenterMode, presenterStore } from '../features/presenter/presenter-store';
import { simStore } from '../store/sim-store';
import { AboutButton } from './about/AboutButton';
import { formatNs } from './format';
import { useLang, useT } from './hooks';
import { useKeys } from './keys';
import { KeysOverlay } from './KeysOverlay';
import { LanguageSwitch } from './LanguageSwitch';
import { GlossaryDialog } from './lessons/GlossaryDialog';
import { LessonList } from './lessons/LessonList';
import { LessonNotice } from './lessons/LessonNotice';
import { StatusBanner } from './StatusBanner';
import { LinkNotice } from '../features/sharing/LinkNotice';
import { ShareButton } from '../features/sharing/ShareButton';
import { ThemeSwitch } from './ThemeSwitch';
import { LegendMenu } from './LegendMenu';
import { MomentNotice } from './MomentNotice';
import { StartHere } from './StartHere';
import { Workspace } from './Workspace';
import './main-screen.css';
import './print.css';

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
  // Deferred: the machine's first frame comes from a store, whose updates React renders in one
  // task; the deferred copy draws the workspace in slices a slow laptop can interrupt (issue 14).
  const ready = useDeferredValue(useStore(simStore, (s) => s.view !== null));
  const rejected = useStore(simStore, (s) => s.rejected);
  const presenting = useStore(presenterStore, (s) => s.mode === 'presenter');
  const inLesson = useStore(lessonStore, (s) => s.slug !== null || s.opening !== null);
  useKeys(() => onLang(lang === 'en' ? 'es' : 'en'));
  const lastRejected = rejected[rejected.length - 1];
  return (
    <>
      <a className="skip" href="#stage">
        {t('app.skip')}
      </a>
      <header className={inLesson ? 'top is-lesson' : 'top'}>
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
          <LegendMenu />
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
      <main className={inLesson ? 'workspace is-lesson' : 'workspace'}>
        <div className="status-row">
          {inLesson || classRoute.mode === 'student' ? null : <StartHere />}
          <StatusBanner />
          <LessonNotice />
          {inLesson ? <MomentNotice /> : null}
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
