import { readKeptReveals } from '../../contract/validate/kept-reveals';
import { presenterStore } from './presenter-store';

/** The answers a presenter window revealed: a reload does not hide one the room has seen. */
const REVEALS_KEY = 'mklab.presenter.revealed';

/**
 * Restore the kept reveals and keep them as they change, while the presenter's link runs. Here,
 * not in wire.ts: the validator it reads with is in the presenter's lazy chunk, not the main one.
 */
export function keepReveals(): () => void {
  try {
    const { revealed, chartsShown } = readKeptReveals(sessionStorage.getItem(REVEALS_KEY));
    if (revealed.length) presenterStore.setState({ revealed, chartsShown });
    return presenterStore.subscribe((s, prev) => {
      if (s.revealed === prev.revealed && s.chartsShown === prev.chartsShown) return;
      const kept = { revealed: s.revealed, chartsShown: s.chartsShown };
      sessionStorage.setItem(REVEALS_KEY, JSON.stringify(kept));
    });
  } catch {
    // Storage blocked: a reload asks the room again.
    return () => undefined;
  }
}
