// @lint-as: src/ui/__fixture__.tsx
// @expect: @typescript-eslint/no-restricted-imports
// Lesson logic runs in the worker; the UI reads lesson metadata from src/content.
import { lessons } from '../lessons/index';

export const l = lessons;
