import { createStore } from 'zustand/vanilla';
import type { ProjectedPage } from '../../contract';
import type { BootFailure } from '../../store/status-store';

/**
 * Presenter mode (DESIGN §7): `presenter` is the teacher's window (large type, notes, clicker
 * keys, blank screen, export); `audience` is the window on the projector, which follows the
 * presenter through a BroadcastChannel (src/app/presenter). The code of both loads lazily.
 */
export type PresenterMode = 'off' | 'presenter' | 'audience';

export interface PresenterState {
  readonly mode: PresenterMode;
  /** The BroadcastChannel session both windows share (in the audience window's URL). */
  readonly session: string | null;
  /** `b`: a black screen over everything, on the presenter's side and the audience's. */
  readonly blank: boolean;
  /** Audience: whether the presenter has been heard from, and whether it left. */
  readonly link: 'waiting' | 'following' | 'gone';
  /** Audience: its worker is rebuilding the presenter's machine (the view holds its last picture). */
  readonly reloading: boolean;
  /**
   * Audience: why it cannot show the presenter's machine — its worker did not boot it, or the
   * presenter's machine came in a message this window refused (past its limits). It waits for
   * Retry (or another machine from the presenter) instead of trying again and again.
   */
  readonly failure:
    { readonly kind: 'boot'; readonly boot: BootFailure } | { readonly kind: 'sync' } | null;
  /** Audience: how many times Retry was pressed (the link tries again on each). */
  readonly retries: number;
  /** Channel messages that failed validation so far, dropped unanswered (DESIGN §7). */
  readonly ignored: number;
  /**
   * Presenter: the questions whose answer the teacher revealed (`a`, or Reveal in the class
   * panel), by `questionId`. The one reveal: the projector, the single-screen layout and the
   * class's question all read it.
   */
  readonly revealed: readonly string[];
  /**
   * Presenter: the revealed question whose charts the projector shows in place of its answer.
   * A step that points at its charts shows them beside its question; revealed, its answer ("what
   * to look at", "why") takes their place, as both do not fit a projector, and the reveal key
   * flips between the two (issue 13).
   */
  readonly chartsShown: string | null;
  /**
   * Presenter: one screen (a mirrored projector, no audience window): this window shows what the
   * audience window would — the machine, the question, the answer once revealed — and no notes.
   */
  readonly single: boolean;
  /** Presenter: an audience window is open (so this window is the teacher's own, not projected). */
  readonly audience: boolean;
  /** Audience: what the presenter's last state said the projector shows of the lesson. */
  readonly onScreen: {
    readonly page: ProjectedPage;
    readonly revealed: boolean;
    readonly chartsShown: boolean;
    readonly card: boolean;
  };
}

export const presenterStore = createStore<PresenterState>(() => ({
  mode: 'off',
  session: null,
  blank: false,
  link: 'waiting',
  reloading: false,
  failure: null,
  retries: 0,
  ignored: 0,
  revealed: [],
  chartsShown: null,
  single: false,
  audience: false,
  onScreen: { page: 'step', revealed: false, chartsShown: false, card: false },
}));

/** A question's id: a step's prediction (`slug:2`, 0-based) or a lesson's quiz (`slug:quiz`). */
export function questionId(slug: string, step: number | 'quiz'): string {
  return `${slug}:${step}`;
}

/** Reveal a question's answer (once: the room's answers close with it). */
export function reveal(id: string): void {
  const s = presenterStore.getState();
  if (!s.revealed.includes(id)) presenterStore.setState({ revealed: [...s.revealed, id] });
}

export function isRevealed(id: string | null): boolean {
  return id !== null && presenterStore.getState().revealed.includes(id);
}

/** A channel message failed validation: it is dropped, and counted. */
export function ignoreMessage(): void {
  presenterStore.setState((s) => ({ ignored: s.ignored + 1 }));
}

/** Audience: try the presenter's machine again after a failure. */
export function retryAudience(): void {
  presenterStore.setState((s) => ({ failure: null, retries: s.retries + 1 }));
}

export function setBlank(blank: boolean): void {
  presenterStore.setState({ blank });
}

export function toggleBlank(): void {
  presenterStore.setState((s) => ({ blank: !s.blank }));
}

/** The header's "Present" button and `?present`: this window becomes the presenter's. */
export function enterPresenterMode(): void {
  if (presenterStore.getState().mode === 'off') presenterStore.setState({ mode: 'presenter' });
}

export function leavePresenterMode(): void {
  if (presenterStore.getState().mode === 'presenter')
    presenterStore.setState({ mode: 'off', blank: false, single: false });
}
