// @lint-as: src/lessons/__fixture__.ts
// @expect: none
// Allowed: a lesson's "show me" script holds shell lines, typed by the shell's own types.
import type { ShellLine } from '../shell';

export const line: ShellLine = { type: 'shell.line', line: 'cat /proc/iomem' };
