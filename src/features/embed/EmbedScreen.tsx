import { lazy, Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { embedStore } from './embed-store';
import { lessonStore } from '../../store/lesson-store';
import { startStore } from '../../store/start-store';
import { simStore } from '../../store/sim-store';
import { statusStore } from '../../store/status-store';
import { useT } from '../../ui/hooks';
import { failureText } from '../../ui/status-text';
import { LessonNotice } from '../../ui/lessons/LessonNotice';
import { MachineView, TwinView } from '../../ui/machine/MachineView';
import { EmbedBar } from './EmbedBar';
import { EmbedFooter } from './EmbedFooter';
import { EmbedNarration } from './EmbedNarration';
import { EmbedStep } from './EmbedStep';
import { useEmbedKeys } from './use-embed-keys';
import './embed.css';
import '../../ui/lessons/highlights.css';
import '../../ui/lessons/lessons.css';

/** Only `controls=full` and an opened glossary term need these: loaded then, not before ready. */
const EmbedFull = lazy(() => import('./EmbedFull'));
const GlossaryDialog = lazy(() =>
  import('../../ui/lessons/GlossaryDialog').then((m) => ({ default: m.GlossaryDialog })),
);

/** What the frame must tell its reader first: a blocked browser feature, a failure, a bad link. */
function EmbedNotices() {
  const t = useT();
  const storage = useStore(embedStore, (s) => s.storageBlocked);
  const worker = useStore(embedStore, (s) => s.workerBlocked);
  const phase = useStore(statusStore, (s) => s.phase);
  const error = useStore(statusStore, (s) => s.error);
  const failure = useStore(statusStore, (s) => s.failure);
  return (
    <div className="em-notices">
      {storage ? (
        <p className="notice" role="status" data-testid="embed-storage-blocked">
          {t('embed.storageBlocked')}
        </p>
      ) : null}
      {worker ? (
        <p className="notice" role="status" data-testid="embed-worker-blocked">
          {t('embed.workerBlocked')}
        </p>
      ) : null}
      {phase === 'failed' ? (
        <p className="notice" role="alert" data-testid="embed-failed">
          {failure ? failureText(t, failure) : t('embed.failed', { error: error ?? '' })}
        </p>
      ) : null}
      <LessonNotice saves={!storage} embedded />
    </div>
  );
}

/**
 * The embed (embed.html): one lesson step or one scenario in a compact layout — the machine, the
 * step's text and, as `controls=` asks, no controls, a minimal bar, or the full player.
 */
export function EmbedScreen() {
  const t = useT();
  const controls = useStore(embedStore, (s) => s.controls);
  const ignored = useStore(embedStore, (s) => s.ignored);
  const slug = useStore(lessonStore, (s) => s.slug);
  const scenario = useStore(embedStore, (s) => s.scenario);
  const twin = useStore(startStore, (s) => s.spec.twin ?? false);
  const ready = useStore(simStore, (s) => s.view !== null);
  const phase = useStore(statusStore, (s) => s.phase);
  const glossary = useStore(lessonStore, (s) => s.glossary !== null);
  useEmbedKeys();
  useEffect(() => {
    document.documentElement.dataset.mklabIgnored = String(ignored);
  }, [ignored]);
  return (
    <main
      className="em"
      data-controls={controls}
      data-testid="embed"
      data-ready={ready ? 'true' : 'false'}
      aria-label={t('embed.label')}
    >
      <h1 className="sr-only">{t('embed.label')}</h1>
      <EmbedNotices />
      {!ready && phase !== 'failed' ? (
        <p className="em-wait" role="status">
          {t('status.starting')}
        </p>
      ) : null}
      {ready ? (
        <div className="em-body">
          <section className="em-stage" aria-label={t('stage.label')}>
            <div className={twin ? 'stage-pair' : undefined}>
              {twin ? <TwinView /> : null}
              <MachineView />
            </div>
          </section>
          <div className="em-side">
            {controls === 'full' ? (
              <Suspense fallback={null}>
                <EmbedFull slug={slug} />
              </Suspense>
            ) : slug ? (
              <EmbedStep slug={slug} />
            ) : null}
            {!slug && scenario ? (
              <h2 className="em-lesson">{t('embed.scenario', { scenario })}</h2>
            ) : null}
            {controls === 'minimal' ? <EmbedBar /> : null}
            <EmbedNarration />
          </div>
        </div>
      ) : null}
      <EmbedFooter />
      {glossary ? (
        <Suspense fallback={null}>
          <GlossaryDialog />
        </Suspense>
      ) : null}
    </main>
  );
}
