// @lint-as: src/content/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { PRESETS } from '../sim/presets';

export const p = PRESETS;
