import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { lessonStore } from '../../store/lesson-store';
import { playbackStore, speedOf } from '../../store/playback-store';
import { prefsStore } from '../../store/prefs-store';
import { startStore } from '../../store/start-store';
import { formatNs } from '../../ui/format';
import { useT } from '../../ui/hooks';
import { saveBlob } from '../../ui/download';
import { exportName } from '../presenter/svg-export';
import { videoStore } from './video-store';

type State =
  | { readonly kind: 'idle'; readonly message?: string }
  | { readonly kind: 'recording'; readonly frames: number; readonly simNs: number };

/**
 * "Record step video": the lesson's current step as a WebM file, from its start to its check.
 * The recorder (and its muxer) loads on the first press; the main bundle carries only this.
 */
export function VideoButton() {
  const t = useT();
  const status = useStore(lessonStore, (s) => s.status);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  if (!status) return null;

  const record = () => {
    const controller = new AbortController();
    abort.current = controller;
    const lang = prefsStore.getState().lang;
    setState({ kind: 'recording', frames: 0, simNs: 0 });
    import('./record-step')
      .then((r) =>
        r.recordStepVideo({
          lang,
          slug: status.slug,
          seed: startStore.getState().spec.seed,
          step: status.step,
          speedNsPerSecond: speedOf(playbackStore.getState()),
          signal: controller.signal,
          onProgress: (p) => setState({ kind: 'recording', ...p }),
        }),
      )
      .then((video) => {
        videoStore.setState({
          last: { frames: video.frames, hashes: video.hashes, notes: video.notes },
        });
        const name = exportName('png', { lesson: status.slug, step: status.step, tNs: 0 });
        saveBlob(video.blob, name.replace(/\.png$/, '.webm'));
        setState({ kind: 'idle', message: t('video.done', { frames: video.frames }) });
      })
      .catch((e: unknown) => {
        const cancelled = e instanceof DOMException && e.name === 'AbortError';
        const error = e instanceof Error ? e.message : String(e);
        setState({
          kind: 'idle',
          message: cancelled ? t('video.cancelled') : t('video.failed', { error }),
        });
      });
  };

  const lang = prefsStore.getState().lang;
  return (
    <span className="pr-video">
      {state.kind === 'recording' ? (
        <>
          <span role="status" data-testid="video-progress">
            {t('video.recording', { frames: state.frames, time: formatNs(lang, state.simNs) })}
          </span>
          <button type="button" data-testid="video-cancel" onClick={() => abort.current?.abort()}>
            {t('video.cancel')}
          </button>
        </>
      ) : (
        <>
          <button type="button" data-testid="video-record" onClick={record}>
            {t('video.record')}
          </button>
          {state.message ? (
            <span role="status" data-testid="video-message">
              {state.message}
            </span>
          ) : null}
        </>
      )}
    </span>
  );
}
