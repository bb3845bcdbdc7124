import { useState } from 'react';
import { useStore } from 'zustand';
import { lessonStore } from '../../store/lesson-store';
import { simStore } from '../../store/sim-store';
import { useT } from '../../ui/hooks';
import { prefsStore } from '../../store/prefs-store';
import { slideCaption } from './slide-caption';
import { VideoButton } from '../video/VideoButton';
import { exportName } from './svg-export';

/**
 * "Export PNG" / "Export SVG" of the step as a 16:9 slide (1920×1080): the machine, the twin when
 * it is shown, and a caption. The export code loads on the first click (it is needed by few, and
 * never before the machine is on screen).
 */
export function ExportButtons({ scenario }: { readonly scenario?: string }) {
  const t = useT();
  const ready = useStore(simStore, (s) => s.view !== null);
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = (kind: 'png' | 'svg') => {
    setBusy(kind);
    setProblem(null);
    const status = lessonStore.getState().status;
    const name = exportName(kind, {
      lesson: status?.slug ?? null,
      step: status?.step ?? null,
      ...(scenario ? { scenario } : {}),
      tNs: simStore.getState().t,
    });
    const lang = prefsStore.getState().lang;
    const caption = slideCaption(lang, status, simStore.getState().t);
    Promise.all([import('./export-slide'), import('./export-view')])
      .then(async ([slide, view]) => {
        const built = await slide.buildSlide(lang, caption);
        if (!built) throw new Error(t('presenter.export.noView'));
        const blob =
          kind === 'svg'
            ? new Blob([built.text], { type: 'image/svg+xml' })
            : await view.slidePng(built, built.dots);
        view.saveBlob(blob, name);
      })
      .catch((e: unknown) =>
        setProblem(
          t('presenter.export.failed', { error: e instanceof Error ? e.message : String(e) }),
        ),
      )
      .finally(() => setBusy(null));
  };

  return (
    <span className="pr-export">
      <button
        type="button"
        data-testid="export-png"
        disabled={!ready || busy !== null}
        onClick={() => run('png')}
      >
        {busy === 'png' ? t('presenter.export.busy') : t('presenter.export.png')}
      </button>
      <button
        type="button"
        data-testid="export-svg"
        disabled={!ready || busy !== null}
        onClick={() => run('svg')}
      >
        {busy === 'svg' ? t('presenter.export.busy') : t('presenter.export.svg')}
      </button>
      <VideoButton />
      {problem ? (
        <span className="pr-problem" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
