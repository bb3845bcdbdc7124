import './presenter.css';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { leavePresenterMode, presenterStore, toggleBlank } from './presenter-store';
import { RevealButton } from './RevealButton';
import { lessonStore } from '../../store/lesson-store';
import { showMe } from '../../ui/lessons/navigation';
import { useT } from '../../ui/hooks';
import { audienceUrl } from './audience-url';
import { BlankScreen } from './BlankScreen';
import { ExportButtons } from './ExportButtons';
import { PresenterNotes } from './PresenterNotes';
import { ClassPanel } from '../class/ClassPanel';
import { simStore } from '../../store/sim-store';
import { MachineView, TwinView } from '../../ui/machine/MachineView';
import { ProjectedBody, ProjectedHead } from './ProjectedBody';

/**
 * One screen (a mirrored projector): this window shows what the audience window would, in
 * place of the lab's workspace (hidden, still running: the keys and the lesson go on).
 */
function SingleScreen() {
  const twin = useStore(simStore, (s) => s.twin !== null);
  return (
    <div className="aud pr-single" data-testid="presenter-single-screen">
      <ProjectedHead />
      <ProjectedBody
        twin={twin}
        stage={
          <div className={twin ? 'stage-pair' : undefined}>
            {twin ? <TwinView /> : null}
            <MachineView />
          </div>
        }
      />
    </div>
  );
}

/** How often the presenter checks whether the audience window it opened is still open. */
const WATCH_AUDIENCE_MS = 1000;

/**
 * After a click on the bar the keys go to the page again: a focused button would take the next
 * space (play/pause) as a press of itself.
 */
function backToPage(): void {
  (document.activeElement as HTMLElement | null)?.blur?.();
  window.focus();
}

/** While the audience window is open the presenter knows this window is not the projected one. */
function useAudienceWindow(win: Window | null): void {
  useEffect(() => {
    if (!win) return;
    presenterStore.setState({ audience: true });
    const id = setInterval(() => {
      if (win.closed) presenterStore.setState({ audience: false });
    }, WATCH_AUDIENCE_MS);
    return () => clearInterval(id);
  }, [win]);
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * Presenter mode's toolbar (loaded only in presenter mode): the audience window, full screen,
 * blank screen, export for slides, and the current step's notes. The clicker keys (→ ← PageDown
 * PageUp, space, b, f, Esc) are the page's own (ui/keys.ts).
 */
export default function PresenterBar() {
  const t = useT();
  const session = useStore(presenterStore, (s) => s.session);
  const blank = useStore(presenterStore, (s) => s.blank);
  const single = useStore(presenterStore, (s) => s.single);
  const [audience, setAudience] = useState<'none' | 'open' | { blocked: string }>('none');
  const [win, setWin] = useState<Window | null>(null);
  const inLesson = useStore(lessonStore, (s) => s.slug !== null && s.status !== null);
  const page = useStore(lessonStore, (s) => s.page);
  useAudienceWindow(win);

  const openAudience = () => {
    if (!session) return;
    const url = audienceUrl(location.href, session);
    const opened = window.open(url, `mklab-audience-${session}`);
    setAudience(opened ? 'open' : { blocked: url });
    setWin(opened);
    backToPage();
  };

  return (
    <section className="pr-bar" aria-label={t('presenter.bar.label')} data-testid="presenter-bar">
      <div className="pr-tools">
        <h2 className="pr-title">{t('presenter.title')}</h2>
        <button
          type="button"
          className="primary"
          data-testid="open-audience"
          disabled={!session}
          onClick={openAudience}
        >
          {t('presenter.audience.open')}
        </button>
        <RevealButton onDone={backToPage} />
        <button
          type="button"
          data-testid="presenter-show-me"
          disabled={!inLesson || page !== 'step'}
          onClick={() => {
            showMe(false);
            backToPage();
          }}
        >
          {t('presenter.showMe')}
        </button>
        <button
          type="button"
          aria-pressed={single}
          data-testid="presenter-single"
          onClick={() => {
            presenterStore.setState({ single: !single });
            backToPage();
          }}
        >
          {t('presenter.single')}
        </button>
        <button type="button" data-testid="presenter-fullscreen" onClick={toggleFullscreen}>
          {t('presenter.fullscreen')}
        </button>
        <button
          type="button"
          aria-pressed={blank}
          data-testid="presenter-blank"
          onClick={toggleBlank}
        >
          {t('presenter.blank')}
        </button>
        <span role="group" aria-label={t('presenter.export.label')}>
          <ExportButtons />
        </span>
        <button type="button" data-testid="presenter-leave" onClick={leavePresenterMode}>
          {t('presenter.leave')}
        </button>
      </div>
      {audience === 'open' ? (
        <p className="pr-muted" role="status">
          {t('presenter.audience.opened')}
        </p>
      ) : audience !== 'none' ? (
        <p className="notice" role="alert">
          {t('presenter.audience.blocked', { url: audience.blocked })}
        </p>
      ) : null}
      <p className="pr-keys" data-testid="presenter-keys">
        {t('presenter.keys')}
      </p>
      <ClassPanel />
      {single ? <SingleScreen /> : <PresenterNotes />}
      <BlankScreen own />
    </section>
  );
}
