// @lint-as: src/store/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The shared stores know nothing of the features built on them.
import { shareStore } from '../features/sharing/share-store';

export const s = shareStore;
