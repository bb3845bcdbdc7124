import { MAX_LOG } from '../../contract';
import './presenter.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { presenterStore, retryAudience, setBlank } from './presenter-store';
import { simStore } from '../../store/sim-store';
import { statusStore } from '../../store/status-store';
import { formatNs } from '../../ui/format';
import { failureText } from '../../ui/status-text';
import { useLang, useT } from '../../ui/hooks';
import { MachineView, TwinView } from '../../ui/machine/MachineView';
import { BlankScreen } from './BlankScreen';
import { ProjectedBody, ProjectedHead } from './ProjectedBody';

/** The audience's only keys: full screen (this window is the one on the projector) and Esc. */
function useAudienceKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'f') {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
      } else if (e.key === 'Escape') setBlank(false);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}

/**
 * While the audience's worker rebuilds the presenter's machine (a step, a fork, another lesson),
 * the projector keeps showing the last picture instead of "waiting for the machine": a copy of
 * the stage taken just before the rebuild, dropped when the machine is back. A DOM copy, not
 * markup: the page's Content-Security-Policy refuses the style attributes markup would carry.
 */
function useFrozenStage(ref: RefObject<HTMLDivElement | null>): Node | null {
  const [copy, setCopy] = useState<Node | null>(null);
  useEffect(
    () =>
      presenterStore.subscribe((s, prev) => {
        if (s.reloading && !prev.reloading) setCopy(ref.current?.cloneNode(true) ?? null);
        else if (!s.reloading && prev.reloading) setCopy(null);
      }),
    [ref],
  );
  return copy;
}

/** Shows a detached copy of the stage (see useFrozenStage). */
function FrozenStage({ copy }: { readonly copy: Node }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(copy);
  }, [copy]);
  return <div ref={host} aria-hidden="true" />;
}

/**
 * What keeps the audience from showing the presenter's machine, if anything: why (a machine its
 * worker did not boot, or one it refused) with Retry; or how far it has got catching up.
 */
function AudienceTrouble() {
  const t = useT();
  const lang = useLang();
  const failure = useStore(presenterStore, (s) => s.failure);
  const replay = useStore(statusStore, (s) => s.replay);
  if (failure) {
    const why =
      failure.kind === 'boot'
        ? failureText(t, failure.boot)
        : t('presenter.audience.refused', { max: MAX_LOG });
    return (
      <div className="notice" role="alert" data-testid="audience-failed">
        <p>{t('presenter.audience.failed', { why })}</p>
        <button type="button" onClick={retryAudience} data-testid="audience-retry">
          {t('presenter.audience.retry')}
        </button>
      </div>
    );
  }
  if (!replay) return null;
  return (
    <p className="notice" role="status" data-testid="audience-catching-up">
      {t('presenter.audience.catchingUp', {
        at: formatNs(lang, replay.atNs),
        target: formatNs(lang, replay.targetNs),
      })}
    </p>
  );
}

/**
 * The audience window (`?audience=<session>`): the machine large, the lesson and step, the
 * simulated time; beside it the step's question (the answer once revealed), card, charts and
 * legend, and the class's tally — no controls. Everything it shows follows the presenter's window.
 */
export default function AudienceScreen() {
  const t = useT();
  const twin = useStore(simStore, (s) => s.twin !== null);
  const link = useStore(presenterStore, (s) => s.link);
  const ready = useStore(simStore, (s) => s.view !== null);
  const stage = useRef<HTMLDivElement>(null);
  const frozen = useFrozenStage(stage);
  useAudienceKeys();
  return (
    <>
      <main className="aud" aria-label={t('presenter.audience.label')} data-testid="audience">
        <ProjectedHead />
        <AudienceTrouble />
        {link !== 'following' ? (
          <p className="notice" role="status" data-testid="audience-link">
            {link === 'gone' ? t('presenter.audience.gone') : t('presenter.audience.waiting')}
          </p>
        ) : null}
        <ProjectedBody
          twin={twin}
          stage={
            frozen !== null && !ready ? (
              <FrozenStage copy={frozen} />
            ) : (
              <div ref={stage} className={twin ? 'stage-pair' : undefined}>
                {twin ? <TwinView /> : null}
                <MachineView />
              </div>
            )
          }
        />
      </main>
      <BlankScreen />
    </>
  );
}
