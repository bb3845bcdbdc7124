import { createStore } from 'zustand/vanilla';
import type { Lang } from '../i18n';

export type Theme = 'light' | 'dark' | 'auto';
export type ViewMode = 'visual' | 'table';

export interface PrefsState {
  readonly lang: Lang;
  readonly theme: Theme;
  /** From prefers-reduced-motion: show before/after states instead of motion. */
  readonly reducedMotion: boolean;
  /** Draw every IPI, or aggregate when many fly at once. */
  readonly aggregate: boolean;
  readonly viewMode: ViewMode;
  readonly keysOpen: boolean;
}

export const prefsStore = createStore<PrefsState>(() => ({
  lang: 'en',
  theme: 'auto',
  reducedMotion: false,
  aggregate: true,
  viewMode: 'visual',
  keysOpen: false,
}));

export function setPrefs(p: Partial<PrefsState>): void {
  prefsStore.setState(p);
}
