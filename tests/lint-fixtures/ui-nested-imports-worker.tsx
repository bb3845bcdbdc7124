// @lint-as: src/ui/panels/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
import { api } from '../../worker/api';

export const a = api;
