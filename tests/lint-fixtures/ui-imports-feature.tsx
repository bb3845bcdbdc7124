// @lint-as: src/ui/__fixture__.tsx
// @expect: none
// Allowed: a screen places a feature's component.
import { ShareButton } from '../features/sharing/ShareButton';

export const parts = [ShareButton];
