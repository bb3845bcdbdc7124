import { createStore } from 'zustand/vanilla';

/** DESIGN §7's `controls=` option of an embed. */
export type EmbedControls = 'none' | 'minimal' | 'full';

/**
 * The embed's own state (embed.html): how much of the player it shows, and what the frame must
 * tell its reader about the browser it runs in (storage or workers blocked).
 */
export interface EmbedState {
  readonly controls: EmbedControls;
  /** localStorage throws here (a sandboxed or privacy-restricted frame): nothing is saved. */
  readonly storageBlocked: boolean;
  /** The Worker constructor throws: the simulator runs on the page's own thread instead. */
  readonly workerBlocked: boolean;
  /** Host page origins allowed to drive this embed (none: read-only). */
  readonly origins: readonly string[];
  /** Messages ignored so far: wrong origin, wrong shape, or a command that cannot apply. */
  readonly ignored: number;
  /** The preset a scenario embed shows (null for a lesson). */
  readonly scenario: string | null;
  /** Where "Open in Multikernel Lab" leads: the app at the same lesson step or scenario. */
  readonly appHref: string;
}

export const embedStore = createStore<EmbedState>(() => ({
  controls: 'minimal',
  storageBlocked: false,
  workerBlocked: false,
  origins: [],
  ignored: 0,
  scenario: null,
  appHref: './',
}));
