import './presenter.css';
import { useState } from 'react';
import { useStore } from 'zustand';
import { leavePresenterMode, presenterStore, toggleBlank } from './presenter-store';
import { useT } from '../../ui/hooks';
import { audienceUrl } from './audience-url';
import { BlankScreen } from './BlankScreen';
import { ExportButtons } from './ExportButtons';
import { PresenterNotes } from './PresenterNotes';
import { ClassPanel } from '../class/ClassPanel';

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
  const [audience, setAudience] = useState<'none' | 'open' | { blocked: string }>('none');

  const openAudience = () => {
    if (!session) return;
    const url = audienceUrl(location.href, session);
    const win = window.open(url, `mklab-audience-${session}`);
    setAudience(win ? 'open' : { blocked: url });
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
      <ClassPanel />
      <PresenterNotes />
      <BlankScreen />
    </section>
  );
}
