// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
// The worker is reached only through src/bridge and src/store.
import { api } from '../worker/api';

export const a = api;
