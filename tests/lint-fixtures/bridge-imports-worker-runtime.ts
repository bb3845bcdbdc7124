// @lint-as: src/bridge/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { api } from '../worker/api';

export const a = api;
