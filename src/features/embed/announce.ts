import type { SimBridge } from '../../bridge/sim-bridge';
import { EMBED_PROTOCOL } from '../../contract';
import { lessonStore } from '../../store/lesson-store';
import { playbackStore } from '../../store/playback-store';
import { simStore } from '../../store/sim-store';
import { currentStep } from './step-goto';
import type { HostLink } from './host-link';

/** While playing, `mklab:state` goes out at most this often (the host needs no frame rate). */
const STATE_EVERY_MS = 250;

/**
 * The embed's events: `mklab:ready` once the machine (and the lesson's status) is in,
 * `mklab:step` when the lesson step changes, `mklab:state` when time, step or play state change
 * (with the state hash when paused), and `mklab:resize` whenever the content's height changes.
 */
export function announce(
  link: HostLink,
  bridge: SimBridge,
  what: { readonly lesson: string | null; readonly scenario: string | null },
): void {
  const v = EMBED_PROTOCOL;
  const step1 = () => {
    const c = currentStep();
    return c ? c.step + 1 : null;
  };
  let ready = false;
  let queued = false;
  let lastState = -Infinity;

  const sendState = async () => {
    queued = false;
    lastState = performance.now();
    const playing = playbackStore.getState().playing;
    const hash = playing ? undefined : await bridge.hash()?.catch(() => undefined);
    link.post({
      type: 'mklab:state',
      v,
      t: simStore.getState().t,
      step: step1(),
      playing,
      ...(hash ? { hash } : {}),
    });
  };
  const stateSoon = () => {
    if (!ready || !link.listened || queued) return;
    queued = true;
    const playing = playbackStore.getState().playing;
    const wait = playing ? Math.max(0, STATE_EVERY_MS - (performance.now() - lastState)) : 0;
    setTimeout(() => void sendState(), wait);
  };

  const maybeReady = () => {
    if (ready || simStore.getState().view === null) return;
    const c = currentStep();
    if (what.lesson && !c) return;
    ready = true;
    link.post({
      type: 'mklab:ready',
      v,
      lesson: what.lesson,
      scenario: what.scenario,
      step: c ? c.step + 1 : null,
      steps: c ? c.steps : null,
    });
    stateSoon();
  };

  simStore.subscribe((s, prev) => {
    maybeReady();
    if (s.t !== prev.t || s.logLength !== prev.logLength) stateSoon();
  });
  lessonStore.subscribe((s, prev) => {
    maybeReady();
    if (!ready || s.status?.step === prev.status?.step) return;
    const c = currentStep();
    if (c) link.post({ type: 'mklab:step', v, step: c.step + 1, steps: c.steps });
    stateSoon();
  });
  playbackStore.subscribe((s, prev) => {
    if (s.playing !== prev.playing) stateSoon();
  });

  // Auto-height: the content's own height (not the frame's), so it can shrink as well as grow.
  const root = document.getElementById('root');
  if (root && typeof ResizeObserver === 'function') {
    let last = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last || height <= 0) return;
      last = height;
      link.post({ type: 'mklab:resize', v, height });
    }).observe(root);
  }
}
