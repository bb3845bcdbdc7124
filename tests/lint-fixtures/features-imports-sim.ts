// @lint-as: src/features/sharing/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// A feature is page code: the worker side only through the contract.
import { preset } from '../../sim/presets';

export const scenario = preset('web-db');
