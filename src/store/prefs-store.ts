import { createStore } from 'zustand/vanilla';
import type { Lang } from '../i18n';

export interface PrefsState {
  readonly lang: Lang;
}

export const prefsStore = createStore<PrefsState>(() => ({ lang: 'en' }));
