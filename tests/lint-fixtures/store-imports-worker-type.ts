// @lint-as: src/store/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// The frame's type comes from the contract.
import type { Frame } from '../worker/engine';

export type F = Frame;
