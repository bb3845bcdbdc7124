// @lint-as: src/lessons/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
// Forbidden: lessons may name the shell's types (a script's shell line) but never run its code.
import { execLine } from '../shell';

export const run = execLine;
