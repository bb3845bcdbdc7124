import type { SimBridge } from '../../bridge/sim-bridge';
import { presenterStore, type PresenterMode } from './presenter-store';
import type { PresenterRoute } from './route';

/** A presenter window keeps its session across a reload, so its audience window keeps following. */
const SESSION_KEY = 'mklab.presenter.session';
/** …and its one-screen layout (a reload mid-class keeps projecting what the room saw). */
const SINGLE_KEY = 'mklab.presenter.single';

function keepSession(): void {
  try {
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved && !presenterStore.getState().session) presenterStore.setState({ session: saved });
    if (sessionStorage.getItem(SINGLE_KEY) === '1') presenterStore.setState({ single: true });
    presenterStore.subscribe((s, prev) => {
      if (s.session && s.session !== prev.session) sessionStorage.setItem(SESSION_KEY, s.session);
      if (s.single !== prev.single) sessionStorage.setItem(SINGLE_KEY, s.single ? '1' : '0');
    });
  } catch {
    // Storage blocked: a reload starts a new session (the audience window is reopened).
  }
}

/** `?present` in the address bar while presenting: a reload comes back to presenter mode. */
function syncUrl(mode: PresenterMode): void {
  const url = new URL(location.href);
  if (mode === 'presenter') url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  const href = url.href.replace(/([?&]present)=(?=&|$|#)/, '$1');
  if (href !== location.href) history.replaceState(history.state, '', href);
}

/**
 * Presenter mode's wiring at the composition root: the class on <html> that scales type and
 * the machine for a projector, and the channel code, loaded only when a window presents or
 * follows (the main bundle carries this file and the store, nothing else).
 */
export function wirePresenter(bridge: SimBridge, route: PresenterRoute): void {
  const root = document.documentElement;
  if (route.mode === 'audience') {
    presenterStore.setState({ mode: 'audience', session: route.session });
    root.classList.add('mk-audience');
    void import('./audience-link').then((m) => m.startAudienceLink(bridge, route.session));
    return;
  }
  keepSession();
  let stop: (() => void) | null = null;
  let loading = false;
  const apply = (mode: PresenterMode) => {
    root.classList.toggle('mk-presenting', mode === 'presenter');
    syncUrl(mode);
    if (mode !== 'presenter') {
      stop?.();
      stop = null;
      return;
    }
    if (stop || loading) return;
    loading = true;
    void import('./presenter-link').then((m) => {
      loading = false;
      if (presenterStore.getState().mode === 'presenter' && !stop)
        stop = m.startPresenterLink(bridge);
    });
  };
  presenterStore.subscribe((s, prev) => {
    if (s.mode !== prev.mode) apply(s.mode);
    root.classList.toggle('mk-single', s.mode === 'presenter' && s.single);
  });
  if (route.mode === 'presenter') presenterStore.setState({ mode: 'presenter' });
}
